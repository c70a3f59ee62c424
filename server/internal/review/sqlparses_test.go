package review

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// TestRenderedSQLParses reviews every revision of the rule fixtures (hundreds
// of op calls in many spellings) and the golden projects: no statement
// rendered for an op call is one PostgreSQL's parser rejects (entry leaves
// those out, with a note).
func TestRenderedSQLParses(t *testing.T) {
	if testing.Short() {
		t.Skip("reviews every rule fixture")
	}
	dirs, err := filepath.Glob("../rules/testdata/*/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens() {
		dirs = append(dirs, g.project)
	}
	statements := 0
	for _, dir := range dirs {
		if strings.Contains(dir, "mysql") || strings.Contains(dir, "sqlite") || strings.Contains(dir, "revision-cycle") {
			continue // SQL is rendered for PostgreSQL only; a cycle has no order to review
		}
		rv := analyzeProject(t, dir, "all", Options{})
		for _, r := range rv.Revisions {
			for _, o := range r.Operations {
				where := filepath.Join(dir, filepath.Base(r.Path))
				if slices.ContainsFunc(o.Notes, func(n string) bool { return strings.Contains(n, "parser rejects the rendering") }) {
					t.Errorf("%s line %d: %s: a rendered statement was left out, PostgreSQL's parser rejects it", where, o.Line, o.Name)
				}
				if o.SQL != "" && !strings.HasSuffix(o.Name, "execute") && !strings.HasSuffix(o.Name, "exec_driver_sql") {
					statements += strings.Count(o.SQL, ";\n") + 1
				}
			}
		}
	}
	if statements < 500 {
		t.Errorf("only %d rendered statements checked: the fixtures were not read", statements)
	}
}

func TestParsable(t *testing.T) {
	kept, left := parsable([]string{
		"ALTER TABLE a ADD COLUMN \"left\" INTEGER",
		"ALTER TABLE a ADD COLUMN left INTEGER", // left is a key word: rejected
		"CREATE TYPE status AS ENUM (<values not literal>)",
		"ALTER TABLE <table_name> ADD CONSTRAINT ck CHECK (n <> 0)",
		"CREATE INDEX ON",
	})
	if left != 2 || len(kept) != 3 || kept[0] != "ALTER TABLE a ADD COLUMN \"left\" INTEGER" {
		t.Errorf("parsable kept %q, left %d out; want the quoted column, the enum and the check (2 left out)", kept, left)
	}
	if got, _ := defaultSQL(&pysyntax.Expr{Kind: pysyntax.Call, Parts: &pysyntax.Parts{Func: &pysyntax.Expr{Kind: pysyntax.Attribute, Name: "current_timestamp",
		Object: &pysyntax.Expr{Kind: pysyntax.Attribute, Name: "func", Object: &pysyntax.Expr{Kind: pysyntax.Name, Name: "sa"}}}}}); got != "CURRENT_TIMESTAMP" {
		t.Errorf("server_default=sa.func.current_timestamp() renders %s, want CURRENT_TIMESTAMP (with parentheses PostgreSQL rejects it)", got)
	}
	if got := ident("left"); got != `"left"` {
		t.Errorf("ident(left) = %s, want it quoted as SQLAlchemy does", got)
	}
}
