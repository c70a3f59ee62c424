package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

func TestReportOncePerSpanAndMessage(t *testing.T) {
	var got []Diagnostic
	rev := &history.Revision{ID: "0001", Migration: &migration.Migration{Path: "a.py"}}
	p := NewPass(&Rule{ID: "r", Severity: Warning}, rev, nil, nil, Target{Dialect: "postgresql"}, "postgresql", func(d Diagnostic) { got = append(got, d) }, &steps{})
	call := migration.Span{Start: 10, End: 20, StartLine: 2, EndLine: 2, StartCol: 5, EndCol: 15}
	// the iterations of an unrolled loop are ops at one call
	same := Message{Text: "same", Help: "why"}
	p.ReportAt(call, same, nil)
	p.ReportAt(call, same, nil)
	p.ReportAt(call, Message{Text: "other table", Help: "why"}, nil)
	p.ReportAt(call, Message{Text: "same", Help: "why, for another table"}, nil) // what was one message before help was split off
	p.ReportAt(migration.Span{Start: 30, End: 40, StartLine: 3, EndLine: 3, StartCol: 5, EndCol: 15}, same, nil)
	if len(got) != 4 {
		t.Errorf("findings = %+v, want 4", got)
	}
	if got[0].Message != "same" || got[0].Help != "why" {
		t.Errorf("finding = %+v, want message \"same\" and help \"why\"", got[0])
	}
}

// TestOnDialect: on a dialect, the operations a dialect test keeps from it
// are gone, those it alone makes conditional are certain copies (the model is
// left as it was), and a batch block's operations point to the copy of their
// batch_alter_table.
func TestOnDialect(t *testing.T) {
	src := `from alembic import op
import sqlalchemy as sa

def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        with op.batch_alter_table("t") as batch:
            batch.add_column(sa.Column("c", sa.Integer()))
    else:
        op.drop_table("t")
    if x:
        op.drop_table("u")
`
	m, err := migration.Parse(t.Context(), "a.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pg := onDialect(m, "postgresql").Upgrade.Ops
	if len(pg) != 3 || pg[0].Name != "batch_alter_table" || pg[1].Name != "add_column" || pg[2].Name != "drop_table" {
		t.Fatalf("ops on postgresql: %v", names(pg))
	}
	if !pg[0].Certain() || !pg[1].Certain() || pg[2].Certain() {
		t.Errorf("certain on postgresql: %v %v %v, want true true false", pg[0].Certain(), pg[1].Certain(), pg[2].Certain())
	}
	if pg[1].Batch == nil || pg[1].Batch.Op != pg[0] {
		t.Error("the batch operation does not point to the certain copy of its batch_alter_table")
	}
	if m.Upgrade.Ops[0].Certain() || m.Upgrade.Ops[1].Batch.Op != m.Upgrade.Ops[0] {
		t.Error("the model was changed")
	}
	if sqlite := onDialect(m, "sqlite").Upgrade.Ops; len(sqlite) != 2 || sqlite[0].Name != "drop_table" || !sqlite[0].Certain() {
		t.Errorf("ops on sqlite: %v", names(sqlite))
	}
}

func names(ops []*migration.Op) []string {
	var out []string
	for _, o := range ops {
		out = append(out, o.Name)
	}
	return out
}

// TestNoFixInDecoratedFunctions: a decorator may run upgrade() and downgrade()
// once per tenant schema; the enum type a fix would drop after the first
// schema's table is still used by the others'. The same history without the
// decorators gets the fix.
func TestNoFixInDecoratedFunctions(t *testing.T) {
	rule := registry["enum-type-not-dropped"]
	dir := filepath.Join("testdata", "enum-type-not-dropped", "decorated_per_tenant")
	src, err := os.ReadFile(filepath.Join(dir, "0001_task.py"))
	if err != nil {
		t.Fatal(err)
	}
	plain := t.TempDir()
	if err := os.WriteFile(filepath.Join(plain, "0001_task.py"), bytes.ReplaceAll(src, []byte("@per_tenant\n"), nil), 0o644); err != nil {
		t.Fatal(err)
	}
	for d, wantFix := range map[string]bool{dir: false, plain: true} {
		got := RunOn(t, d, rule)
		if len(got) != 1 || (got[0].Fix != nil) != wantFix {
			t.Errorf("%s: findings %+v, want one with a fix: %v", d, got, wantFix)
		}
	}
}

// TestNoFixWhenNotCertain: findings whose fix could write a wrong migration
// get none. A unique constraint added on columns that already have one gets
// c_code_key1 from PostgreSQL, not c_code_key; a type in another schema
// needs its schema to be dropped; an inverse appended to downgrade() must not
// drop what the downgrade restores, rename a column it renamed away, or
// always undo what an early return or another dialect's branch may have
// skipped.
func TestNoFixWhenNotCertain(t *testing.T) {
	for _, c := range []struct {
		rule, dir string
		findings  int
	}{
		{"unnamed-constraint", "name_taken", 2},
		{"unnamed-constraint", "mysql_also_postgresql", 2}, // the name differs between the databases it runs on
		{"enum-type-not-dropped", "type_in_another_schema", 1},
		// unsafe inverses appended to downgrade() that would undo its own work, fail,
		// or leave half of a replacement undone
		{"downgrade-incomplete", "restores_replaced_constraint", 1},
		{"downgrade-incomplete", "renamed_away_again", 1},
		{"downgrade-incomplete", "dialect_branch_index", 1},
		{"downgrade-incomplete", "replaced_constraint", 1},
		{"downgrade-incomplete", "key_to_table_dropped_in_loop", 2},
		{"downgrade-incomplete", "key_dropped_after_its_table", 1},
		{"downgrade-missing", "guarded_create", 1},
		{"downgrade-missing", "dialect_branch_create", 1},
	} {
		got := RunOn(t, filepath.Join("testdata", c.rule, c.dir), registry[c.rule])
		if len(got) != c.findings {
			t.Fatalf("%s/%s: findings %+v, want %d", c.rule, c.dir, got, c.findings)
		}
		for _, d := range got {
			if d.Fix != nil {
				t.Errorf("%s/%s line %d: a fix %q, want none", c.rule, c.dir, d.Span.StartLine, d.Fix.Message)
			}
		}
	}
}

// TestCertainDialectWritesItsNames: a project whose migrations certainly
// target PostgreSQL gets PostgreSQL's names written although a MySQL driver
// is among its dependencies (mysql_also_postgresql: none when the main
// dialect was not certain).
func TestCertainDialectWritesItsNames(t *testing.T) {
	got := RunOn(t, filepath.Join("testdata", "unnamed-constraint", "connector_driver"), registry["unnamed-constraint"])
	if len(got) != 2 {
		t.Fatalf("findings %+v, want the create's and the drop's", got)
	}
	for _, d := range got {
		if d.Fix == nil || d.Fix.Safety != Safe || strings.Contains(d.Help, "may also run on") {
			t.Errorf("line %d: fix %+v, help %q: want a safe fix and no word of other databases", d.Span.StartLine, d.Fix, d.Help)
		}
	}
}

// TestUnsureNameIsAnUnsafeFix: on a table whose uniquenesses the history does
// not know, PostgreSQL's name may be taken (c_code_key1): the fix writing
// c_code_key is offered as unsafe only.
func TestUnsureNameIsAnUnsafeFix(t *testing.T) {
	got := RunOn(t, filepath.Join("testdata", "unnamed-constraint", "table_from_sql"), registry["unnamed-constraint"])
	if len(got) != 2 {
		t.Fatalf("findings %+v, want the create's and the drop's", got)
	}
	for _, d := range got {
		if d.Fix == nil || d.Fix.Safety != Unsafe {
			t.Errorf("line %d: fix %+v, want an unsafe one", d.Span.StartLine, d.Fix)
		}
	}
}
