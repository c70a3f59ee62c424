package rules

import (
	"context"
	"fmt"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// TestDataStepsAgree: the index answers as touchesColumn and createsColumn,
// asked of each operation, do.
func TestDataStepsAgree(t *testing.T) {
	src := `from alembic import op
import sqlalchemy as sa


def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer()))
    op.execute("UPDATE users SET email = lower(email), u.Name = 'x' WHERE id > 0")
    op.add_column("users", sa.Column("age", sa.Integer()))
    op.execute("DELETE FROM users WHERE age IS NULL OR score$x > 1")
    op.execute("DELETE FROM Users WHERE \"Nick\" IS NULL")
    op.execute("UPDATE orders SET total = 0")
    op.alter_column("users", "nick", new_column_name="handle")
    op.execute("VACUUM users")
    helper(op, "email")
    op.execute(sql_built_at_run_time)
    op.execute("UPDATE users SET \"first name\" = 'a'")
    op.execute("DELETE FROM users")
`
	m, err := migration.Parse(context.Background(), "x.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ops := m.Upgrade.Ops
	d := newDataSteps(m, ops)
	for _, table := range []string{"users", "USERS", "orders", "other", "my table"} {
		for _, column := range []string{"email", "name", "age", "Nick", "handle", "score", "id", "total", "first name", "x"} {
			last := -1
			for i, o := range ops {
				if createsColumn(m, o, table, column) {
					last = i
				}
			}
			if got := d.lastCreates(table, column); got != last {
				t.Errorf("lastCreates(%s, %s) = %d, want %d", table, column, got, last)
			}
			for start := range len(ops) + 1 {
				for _, goal := range []dataGoal{fillsNulls, rewritesValues} {
					for _, broad := range []bool{false, true} {
						want := false
						for _, o := range ops[start:] {
							want = want || touchesColumn(m, o, table, column, goal, broad)
						}
						if got := d.touchedSince(start, table, column, goal, broad); got != want {
							t.Errorf("touchedSince(%d, %s, %s, %v, %v) = %v, want %v (ops from %s)", start, table, column, goal, broad, got, want, describeOp(ops, start))
						}
					}
				}
			}
		}
	}
}

func describeOp(ops []*migration.Op, i int) string {
	if i >= len(ops) {
		return "the end"
	}
	return fmt.Sprintf("%s at line %d", ops[i].Name, ops[i].Call.Span.StartLine)
}
