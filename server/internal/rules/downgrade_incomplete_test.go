package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
)

func TestDowngradeIncomplete(t *testing.T) { runFixtures(t, "downgrade-incomplete") }

// TestDowngradeIncompleteUnsafeFix applies the unsafe fix (the harness applies only
// safe ones) and checks the result parses, no longer fires, and reads as expected.
func TestDowngradeIncompleteUnsafeFix(t *testing.T) {
	cases := map[string]string{
		"hand_edited_autogen/0002_orders.py": `    op.drop_table('orders')
    op.drop_index(op.f('ix_users_email'), table_name='users')
    op.drop_column('users', 'age')
    # ### end Alembic commands ###`,
		"batch_sqlite/0002_event_source.py": `        batch_op.drop_column('payload')
    with op.batch_alter_table('events') as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_source'))
        batch_op.drop_column('source')
`,
		"constraints_and_renames/0002_constraints.py": `    op.drop_constraint("ck_child_qty_positive", "child", type_="check")
    op.drop_table_comment("child", existing_comment="Order lines")
    op.alter_column("child", "sku", new_column_name="code")
    op.rename_table("items", "legacy_items", schema=SCHEMA)
    op.drop_constraint("uq_child_code", "child", type_="unique")
    op.drop_constraint("fk_child_parent_id_parent", "child", type_="foreignkey")
`,
		"bare_op_imports/0002_accounts_name.py": `import sqlalchemy as sa
from alembic import op
`,
		"enum_and_sql/0002_priority.py": `    op.drop_column("tickets", "priority")
    op.drop_index("ix_tickets_title", table_name="tickets")
    priority.drop(op.get_bind(), checkfirst=True)
`,
	}
	checkUnsafeFix(t, "downgrade-incomplete", cases)
}

// checkUnsafeFix applies, per case directory, the first unsafe fix reported in the
// named file, then checks the fixed file contains want, still parses (RunOn fails
// otherwise) and the rule no longer fires on it.
func checkUnsafeFix(t *testing.T, ruleID string, cases map[string]string) {
	t.Helper()
	rule, _ := Get(ruleID)
	for file, want := range cases {
		t.Run(file, func(t *testing.T) {
			dir := filepath.Join("testdata", ruleID, filepath.Dir(file))
			var fix *SuggestedFix
			for _, d := range RunOn(t, dir, rule) {
				for i := range d.Fixes {
					if fix == nil && filepath.Base(d.Path) == filepath.Base(file) && d.Fixes[i].Safety == Unsafe {
						fix = &d.Fixes[i]
					}
				}
			}
			if fix == nil {
				t.Fatalf("no unsafe fix for %s", file)
			}
			fixed := t.TempDir()
			entries, _ := filepath.Glob(filepath.Join(dir, "*"))
			for _, f := range entries {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if filepath.Base(f) == filepath.Base(file) {
					if src, err = edit.Apply(src, fix.Edits); err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(string(src), want) {
						t.Errorf("fixed file lacks\n%s\ngot:\n%s", want, src)
					}
				}
				if err := os.WriteFile(filepath.Join(fixed, filepath.Base(f)), src, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, d := range RunOn(t, fixed, rule) {
				if filepath.Base(d.Path) == filepath.Base(file) {
					t.Errorf("still reported after the fix: %d: %s", d.Span.StartLine, d.Message)
				}
			}
		})
	}
}
