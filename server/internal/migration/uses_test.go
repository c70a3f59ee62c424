package migration

import (
	"fmt"
	"strings"
	"testing"
)

func TestNameUses(t *testing.T) {
	src := `from alembic import op
import sqlalchemy as sa
import app.server.models
from app.models import User, Status, GUID, db
from app import helpers

revision = "0001"
down_revision = None


class Local(User):
    id: Mapped[GUID] = mapped_column(GUID, primary_key=True)


def upgrade(User_unused=None):
    op.add_column("t", sa.Column("at", app.server.models.NaiveDateTime(), nullable=True))
    op.alter_column("t", "s", type_=sa.Enum(Status))
    for s in Status:
        print(s.value)
    session.query(User).filter(User.id == 1).delete()
    table("t", column("id", db.Integer))
    db.session.commit()
    helpers.fill(op, x=User)
`
	m := parseSource(t, src)
	var got []string
	for _, name := range []string{"app", "User", "Status", "GUID", "db", "helpers"} {
		for _, u := range m.NameUses[name] {
			got = append(got, fmt.Sprintf("%s %s called=%v callee=%s/%s kw=%s pos=%d in=%s",
				u.Name, strings.Join(u.Path, "."), u.Called, u.Callee, u.CalleeDotted, u.Keyword, u.Position, u.In))
		}
	}
	want := []string{
		"app server.models.NaiveDateTime called=true callee=Column/sa.Column kw= pos=1 in=",
		"User  called=false callee=/ kw= pos=0 in=base",
		"User  called=false callee=query/session.query kw= pos=0 in=",
		"User id called=false callee=/ kw= pos=0 in=", // inside a comparison
		"User  called=false callee=fill/helpers.fill kw=x pos=0 in=",
		"Status  called=false callee=Enum/sa.Enum kw= pos=0 in=",
		"Status  called=false callee=/ kw= pos=0 in=for",
		"GUID  called=false callee=mapped_column/mapped_column kw= pos=0 in=",
		"db Integer called=false callee=column/column kw= pos=1 in=",
		"db session.commit called=true callee=/ kw= pos=0 in=",
		"helpers fill called=true callee=/ kw= pos=0 in=",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("uses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
