package proof

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestClaimTypeChangeSeverity: type-change-without-using reports an error
// exactly when PostgreSQL refuses ALTER COLUMN ... TYPE without USING on an
// empty table (no implicit or assignment cast, whatever the data), a warning
// (a narrowing) only when the empty table converts, and nothing when it
// converts. Every ordered pair of the types below is written as the
// alter_column autogenerate writes, checked, and run on a real server.
func TestClaimTypeChangeSeverity(t *testing.T) {
	t.Parallel()
	tl := getTools(t, false)
	db := tl.newDatabase(t, "claim_type_change")
	types := []struct{ py, sql string }{
		{"sa.String()", "varchar"}, {"sa.String(length=100)", "varchar(100)"}, {"sa.String(length=50)", "varchar(50)"},
		{"sa.Text()", "text"}, {"sa.Integer()", "integer"}, {"sa.BigInteger()", "bigint"}, {"sa.SmallInteger()", "smallint"},
		{"sa.Numeric()", "numeric"}, {"sa.Float()", "double precision"}, {"sa.REAL()", "real"}, {"sa.Boolean()", "boolean"},
		{"sa.Date()", "date"}, {"sa.DateTime()", "timestamp"}, {"sa.DateTime(timezone=True)", "timestamptz"},
		{"postgresql.UUID()", "uuid"}, {"sa.JSON()", "json"}, {"postgresql.JSONB()", "jsonb"},
		{"sa.Enum('a', 'b', name='mood')", "mood"}, {"sa.Enum('a', 'b', name='weather')", "weather"},
		{"postgresql.ARRAY(sa.String())", "varchar[]"}, {"postgresql.ARRAY(sa.Integer())", "integer[]"},
	}
	type pair struct{ from, to, table string }
	var pairs []pair
	var src strings.Builder
	src.WriteString("import sqlalchemy as sa\nfrom alembic import op\nfrom sqlalchemy.dialects import postgresql\n\n" +
		"revision = '0001'\ndown_revision = None\n\n\ndef upgrade():\n")
	line := 10
	lineOf := map[int]int{} // line -> pair
	for i, a := range types {
		for j, b := range types {
			if i == j {
				continue
			}
			p := pair{a.sql, b.sql, fmt.Sprintf("t_%d_%d", i, j)}
			fmt.Fprintf(&src, "    op.alter_column('%s', 'c', existing_type=%s, type_=%s)\n", p.table, a.py, b.py)
			lineOf[line] = len(pairs)
			pairs = append(pairs, p)
			line++
		}
	}
	src.WriteString("\n\ndef downgrade():\n    pass\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "0001_types.py"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, res := checkFile(t, dir, filepath.Join(dir, "0001_types.py"), "")
	if doc == nil {
		t.Fatalf("check failed:\n%s", res)
	}
	severity := make([]string, len(pairs))
	for _, f := range doc.Findings {
		if f.Rule == "type-change-without-using" {
			severity[lineOf[f.Line]] = f.Severity
		}
	}

	batches := []string{"CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TYPE weather AS ENUM ('a', 'b');" +
		"CREATE FUNCTION try(stmt text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN EXECUTE stmt; RETURN 'ok'; " +
		"EXCEPTION WHEN others THEN RETURN SQLSTATE || ' ' || SQLERRM; END $$"}
	for _, p := range pairs {
		batches = append(batches, fmt.Sprintf("SELECT try('CREATE TABLE %[1]s (c %[2]s)') || '|' || try('ALTER TABLE %[1]s ALTER COLUMN c TYPE %[3]s')", p.table, p.from, p.to))
	}
	got, err := db.query(batches...)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for i, p := range pairs {
		created, altered, _ := strings.Cut(got[i+1], "|")
		if created != "ok" {
			t.Fatalf("CREATE TABLE %s (c %s): %s", p.table, p.from, created)
		}
		fails := altered != "ok"
		counts[fmt.Sprintf("%s/fails=%v", severity[i], fails)]++
		switch {
		case severity[i] == "error" && !fails:
			t.Errorf("%s -> %s: reported as an error, but PostgreSQL converts an empty table", p.from, p.to)
		case severity[i] != "error" && fails:
			t.Errorf("%s -> %s: PostgreSQL refuses it even on an empty table (%s), but the finding is %q", p.from, p.to, altered, severity[i])
		case fails && !strings.Contains(altered, "cannot be cast automatically"):
			t.Errorf("%s -> %s: PostgreSQL fails with %q, not the error the message announces", p.from, p.to, altered)
		}
	}
	t.Logf("%d type pairs: %v", len(pairs), counts)
	if counts["error/fails=true"] == 0 || counts["warning/fails=false"] == 0 || counts["/fails=false"] == 0 {
		t.Errorf("the pairs do not cover errors, narrowings and conversions: %v", counts)
	}
}
