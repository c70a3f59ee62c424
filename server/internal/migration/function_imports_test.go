package migration

import (
	"context"
	"testing"
)

func TestFunctionImports(t *testing.T) {
	src := `from alembic import op

revision = "0001"
down_revision = None


def _helper():
    import app.models as models


def upgrade():
    from app.models import User, Order
    if True:
        from app.util import slugify
    _helper()


def downgrade():
    pass
`
	m, err := Parse(context.Background(), "0001.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, imp := range m.Upgrade.Imports {
		got = append(got, imp.Qualified()+" as "+imp.Local)
	}
	want := []string{"app.models.User as User", "app.models.Order as Order", "app.util.slugify as slugify", "app.models as models"}
	if len(got) != len(want) {
		t.Fatalf("upgrade imports = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("import %d = %q, want %q", i, got[i], want[i])
		}
	}
	if len(m.Imports) != 1 || len(m.Downgrade.Imports) != 0 {
		t.Errorf("function imports leaked: module %d, downgrade %d", len(m.Imports), len(m.Downgrade.Imports))
	}
	if stmt := m.Upgrade.Imports[0].Stmt; string(m.Source[stmt.Start:stmt.End]) != "from app.models import User, Order" {
		t.Errorf("statement span = %q", m.Source[stmt.Start:stmt.End])
	}
}
