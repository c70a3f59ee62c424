package sqlparse

import (
	"testing"
)

func TestParseStatementsAndPositions(t *testing.T) {
	text := "-- lead\nUPDATE a SET x = :val WHERE id = %(id)s;\n  DELETE FROM b WHERE y = %s ;\nDO $$ BEGIN PERFORM 1; END $$;"
	r := Parse(text)
	if r.Err != nil {
		t.Fatalf("error: %+v", r.Err)
	}
	want := []string{
		"UPDATE a SET x = :val WHERE id = %(id)s",
		"DELETE FROM b WHERE y = %s",
		"DO $$ BEGIN PERFORM 1; END $$",
	}
	if len(r.Statements) != len(want) {
		t.Fatalf("statements = %d, want %d", len(r.Statements), len(want))
	}
	for i, st := range r.Statements {
		if got := text[st.Start:st.End]; got != want[i] {
			t.Errorf("statement %d = %q, want %q", i, got, want[i])
		}
	}
	if r.Statements[0].Node.GetUpdateStmt() == nil || r.Statements[2].Node.GetDoStmt() == nil {
		t.Errorf("nodes = %v", r.Statements)
	}
}

func TestParseErrorPosition(t *testing.T) {
	text := "UPDATE é SET x = 1;\nALTER TABEL t ADD COLUMN c int;\nDROP TABLE z"
	r := Parse(text)
	if r.Err == nil {
		t.Fatal("no error")
	}
	if r.Err.Message != `syntax error at or near "TABEL"` || text[r.Err.Offset:r.Err.Offset+5] != "TABEL" {
		t.Errorf("error = %+v at %q", r.Err, text[r.Err.Offset:])
	}
	// the statements around the broken one still parse
	if len(r.Statements) != 2 || r.Statements[1].Node.GetDropStmt() == nil || len(r.Unparsed) != 1 {
		t.Errorf("statements = %v, unparsed = %v", r.Statements, r.Unparsed)
	}
}

func TestParametersKeepCasts(t *testing.T) {
	for _, text := range []string{
		"SELECT :a::int, '%s', x::text FROM t WHERE y = :b",
		"SELECT $tag$ :x $tag$, \"a:b\" FROM t",
		"INSERT INTO t (a) VALUES (:a_1), (%(b)s), (%s)",
		"SELECT a FROM t WHERE b IN :list AND c NOT IN %s AND d not\nin %(e)s",
	} {
		if r := Parse(text); r.Err != nil {
			t.Errorf("%q: %+v", text, r.Err)
		}
	}
}

func TestParseIsCached(t *testing.T) {
	first := Parse("SELECT 1")
	if again := Parse("SELECT 1"); again != first {
		t.Error("the same text is parsed twice")
	}
}

func TestIdentifier(t *testing.T) {
	for name, want := range map[string]string{
		"users":             "users",
		"user":              `"user"`, // the current_user function in a FROM list
		"order":             `"order"`,
		"PackageListingAcl": `"PackageListingAcl"`,
		"first name":        `"first name"`,
		`say"hi`:            `"say""hi"`,
		"public.users":      `"public.users"`,
		"avatar_url2":       "avatar_url2",
		"name":              "name",      // an unreserved keyword: any name may be one
		"between":           `"between"`, // a keyword only some places allow
		"select":            `"select"`,
		"1st_place":         `"1st_place"`,
		"café":              "café",
		"":                  `""`,
	} {
		if got := Identifier(name); got != want {
			t.Errorf("Identifier(%q) = %s, want %s", name, got, want)
		}
	}
}
