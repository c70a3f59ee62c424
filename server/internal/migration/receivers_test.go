package migration

import (
	"slices"
	"testing"
)

// What code written into a function may call: its parameters, the names the
// module binds (and how often), and the name each operation reaches
// alembic.op through.
func TestParamsModuleNamesAndOpsReceiver(t *testing.T) {
	m := parseSource(t, `import alembic
import alembic as al
from alembic import op as migration_op
from sqlalchemy import Enum
import enum

revision = "0002"
down_revision = "0001"


class Enum(enum.Enum):
    A = "a"


def upgrade(op, engine_name: str = "", *args, **kw):
    op.create_table("orders")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(None)
        op.execute("SELECT 1")


def downgrade():
    alembic.op.drop_table("orders")
    migration_op.drop_table("items")
    al.op.drop_table("tags")
`)
	if want := []string{"op", "engine_name"}; !slices.Equal(m.Upgrade.Params, want) {
		t.Errorf("upgrade params %q, want %q", m.Upgrade.Params, want)
	}
	if len(m.Downgrade.Params) != 0 {
		t.Errorf("downgrade params %q", m.Downgrade.Params)
	}
	for name, n := range map[string]int{"alembic": 1, "al": 1, "migration_op": 1, "Enum": 2, "revision": 1, "upgrade": 1, "op": 0, "batch_op": 0} {
		if m.ModuleNames[name] != n {
			t.Errorf("%s is bound %d times at module level, want %d", name, m.ModuleNames[name], n)
		}
	}
	var got []string
	for _, f := range []*Function{m.Upgrade, m.Downgrade} {
		for _, o := range f.Ops {
			got = append(got, o.Name+":"+o.OpsReceiver())
		}
	}
	// the op.execute in the batch block runs before the batch's add_column
	want := []string{"create_table:op", "batch_alter_table:op", "execute:op", "add_column:", "drop_table:alembic.op", "drop_table:migration_op", "drop_table:al.op"}
	if !slices.Equal(got, want) {
		t.Errorf("receivers %q, want %q", got, want)
	}
}
