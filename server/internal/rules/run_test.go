package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
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
