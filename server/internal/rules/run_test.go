package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// TestRunJudgesEachDialectOnItsOwnOperations: a project on MySQL that also
// runs on PostgreSQL is judged for both, each on the operations that run on
// it — the replay of one dialect is not reused for another.
func TestRunJudgesEachDialectOnItsOwnOperations(t *testing.T) {
	dir := t.TempDir()
	src := `revision = "0001"
down_revision = None
from alembic import op


def upgrade():
    pass


def downgrade():
    if op.get_bind().dialect.name == "mysql":
        return
    op.drop_constraint(None, "orders", type_="unique")
`
	if err := os.WriteFile(filepath.Join(dir, "0001_x.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded := history.Load(context.Background(), dir, project.FilesIn(dir), nil)
	rule, _ := Get("unnamed-constraint")
	for _, tt := range []struct {
		target Target
		want   int
	}{
		{Target{Dialect: "mysql"}, 0},
		{Target{Dialect: "mysql", Also: []string{"postgresql"}}, 1},
	} {
		var got []Diagnostic
		Run(context.Background(), loaded.Graph, []*Rule{rule}, tt.target, nil, func(d Diagnostic) { got = append(got, d) })
		if len(got) != tt.want {
			t.Errorf("%+v: %d findings, want %d: %v", tt.target, len(got), tt.want, got)
		}
	}
}

// TestMainDialectOnly: a rule for MySQL's own failures judges a project whose
// main dialect is MySQL, never one that only also runs there.
func TestMainDialectOnly(t *testing.T) {
	dir := t.TempDir()
	src := `revision = "0001"
down_revision = None
from alembic import op


def upgrade():
    op.alter_column("users", "name", new_column_name="full_name")
`
	if err := os.WriteFile(filepath.Join(dir, "0001_x.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded := history.Load(context.Background(), dir, project.FilesIn(dir), nil)
	rule, _ := Get("mysql-alter-column-incomplete")
	for _, tt := range []struct {
		target Target
		want   int
	}{
		{Target{Dialect: "mysql"}, 1},
		{Target{Dialect: "mysql", Also: []string{"postgresql"}}, 1},
		{Target{Dialect: "postgresql", Also: []string{"mysql"}}, 0},
	} {
		var got []Diagnostic
		Run(context.Background(), loaded.Graph, []*Rule{rule}, tt.target, nil, func(d Diagnostic) { got = append(got, d) })
		if len(got) != tt.want {
			t.Errorf("%+v: %d findings, want %d: %v", tt.target, len(got), tt.want, got)
		}
	}
}

// TestPanicInAPassReachesTheCaller: the passes run on other goroutines, and a
// panic in one goes on in the caller's, where the MCP server and the hook
// recover (in a worker it would end the process); the findings before it are
// reported, in order.
func TestPanicInAPassReachesTheCaller(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	dir := t.TempDir()
	for i := range 20 {
		parent := "None"
		if i > 0 {
			parent = fmt.Sprintf("%q", fmt.Sprintf("r%02d", i-1))
		}
		src := fmt.Sprintf("revision = %q\ndown_revision = %s\nfrom alembic import op\n\n\ndef upgrade():\n    pass\n", fmt.Sprintf("r%02d", i), parent)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d_x.py", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	loaded := history.Load(context.Background(), dir, project.FilesIn(dir), nil)
	rule := &Rule{ID: "test-panics", Severity: Warning, Check: func(p *Pass) {
		if p.Revision.ID == "r12" {
			panic("broken rule")
		}
		p.ReportAt(migration.Span{}, Message{Text: p.Revision.ID}, nil)
	}}
	var got []string
	recovered := func() (v any) {
		defer func() { v = recover() }()
		Run(context.Background(), loaded.Graph, []*Rule{rule}, Target{Dialect: "postgresql"}, nil, func(d Diagnostic) { got = append(got, d.Message) })
		return nil
	}()
	if s, _ := recovered.(string); !strings.Contains(s, "broken rule") {
		t.Fatalf("recovered %v, want the rule's panic", recovered)
	}
	for i, id := range got {
		if want := fmt.Sprintf("r%02d", i); id != want || i >= 12 {
			t.Fatalf("findings reported %v, want r00..r11 in order at most", got)
		}
	}
}

// TestAnnotateStops: the warnings and errors after an error that stops its
// function on every database say so; those before it, in the other
// function, after an error made for another dialect or after a call that
// may not run, and infos, do not.
func TestAnnotateStops(t *testing.T) {
	src := `from alembic import op

def upgrade():
    op.drop_column("t", "a")
    op.drop_column("t", "b")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_column("t", "c")
    op.drop_column("t", "d")

def downgrade():
    op.drop_column("u", "x")
    op.drop_column("u", "y")
    op.drop_column("u", "z")
`
	m, err := migration.Parse(context.Background(), "0001.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	at := func(f *migration.Function, i int) migration.Span { return f.Ops[i].Call.Span }
	up, down := m.Upgrade, m.Downgrade
	found := []Diagnostic{
		{Rule: "not-null-without-backfill", Severity: Warning, Span: at(up, 0), Help: "before"},
		{Rule: "missing-column", Severity: Error, Span: at(up, 1), Help: "stops"},
		{Rule: "missing-column", Severity: Warning, Span: at(up, 3), Help: "after"},
		{Rule: "unnamed-constraint", Severity: Info, Span: at(up, 3), Help: "an info"},
		{Rule: "missing-column", Severity: Error, Span: at(down, 0), Help: "elsewhere", elsewhere: true},
		{Rule: "add-required-column", Severity: Error, Span: at(down, 1), Help: "rows"},
		{Rule: "missing-column", Severity: Warning, Span: at(down, 2), Help: "after rows"},
	}
	got := annotateStops(m, found)
	for _, d := range got {
		annotated := strings.Contains(d.Help, "stops earlier on every database")
		if want := d.Help == "after (upgrade() stops earlier on every database, at line 5 (missing-column): this line is not reached before that is fixed.)"; annotated != want {
			t.Errorf("%s at line %d: help %q", d.Rule, d.Span.StartLine, d.Help)
		}
		if d.elsewhere {
			t.Errorf("%s at line %d still says it was made for another dialect", d.Rule, d.Span.StartLine)
		}
	}
	// the conditional drop of c stops nothing, nor does an error on a
	// statement that runs (an alter_column given a Column object)
	cond := []Diagnostic{{Rule: "missing-column", Severity: Error, Span: at(up, 2), Help: "c"}, {Rule: "missing-column", Severity: Error, Span: at(up, 3), Help: "d"}}
	if got := annotateStops(m, cond); got[1].Help != "d" {
		t.Errorf("after a conditional error: %q", got[1].Help)
	}
	runs := []Diagnostic{{Rule: "invalid-op-argument", Severity: Error, Span: at(down, 0), Help: "x", runs: true}, {Rule: "missing-column", Severity: Error, Span: at(down, 1), Help: "y"}}
	if got := annotateStops(m, runs); got[1].Help != "y" || got[0].runs {
		t.Errorf("after an error on a statement that runs: %q (runs still told: %v)", got[1].Help, got[0].runs)
	}
}
