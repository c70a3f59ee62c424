package cli

import (
	"strings"
	"testing"
)

// TestDeepExpressionIsNotEchoedWhole: a 3,000-deep expression was echoed
// whole by review (the SQL placeholder), by check (the type in a message) and
// in the source line under a finding. Each echo is cut to a few hundred
// characters.
func TestDeepExpressionIsNotEchoedWhole(t *testing.T) {
	deep := strings.Repeat("(", 3000) + "sa.Integer()" + strings.Repeat(")", 3000)
	add := items[:strings.Index(items, "def upgrade")] + `def upgrade():
    op.add_column("orders", sa.Column("c", ` + deep + `, nullable=False))
    op.add_column("orders", sa.Column("d", sa.Integer(), server_default=` + deep + `))


def downgrade():
    op.drop_column("orders", "d")
    op.drop_column("orders", "c")
`
	dir := newProject(t, map[string]string{"0001_orders.py": orders, "0002_add.py": add}, "")
	for _, args := range [][]string{{"check"}, {"check", "--format", "json"}, {"review", "all"}, {"review", "all", "--format", "json"}} {
		out, errOut, _ := run(t, dir, args...)
		if strings.Contains(out+errOut, strings.Repeat("(", 1000)) || len(out) > 40000 {
			t.Errorf("%s: %d bytes, with the expression echoed whole", args, len(out))
		}
	}
	if out, _, _ := run(t, dir, "check"); !strings.Contains(out, "more characters)") {
		t.Errorf("check does not say the type was cut:\n%.2000s", out)
	}
}
