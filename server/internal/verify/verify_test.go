package verify

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestIniCopySetsTheURLOfTheSection(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "alembic.ini")
	ini := "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = postgresql://prod/app\n\n[other]\nsqlalchemy.url = keep\n\n[loggers]\nkeys = root\n"
	if err := os.WriteFile(src, []byte(ini), 0o644); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	dst, err := iniCopy(src, tmp, "alembic", "postgresql+psycopg2://u@/ap_verify_1?host=/tmp/x%20y")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(dst)
	want := "[alembic]\nscript_location = " + dir + "/alembic\nsqlalchemy.url = postgresql+psycopg2://u@/ap_verify_1?host=/tmp/x%%20y\n\n[other]\nsqlalchemy.url = keep\n\n[loggers]\nkeys = root\n\n"
	if string(got) != want {
		t.Errorf("copy:\n%s\nwant:\n%s", got, want)
	}
	if u := iniURL(dst, "alembic"); u != "postgresql+psycopg2://u@/ap_verify_1?host=/tmp/x%20y" {
		t.Errorf("iniURL of the copy = %q", u)
	}
	// a section without the option gets it
	dst, _ = iniCopy(src, tmp, "other2", "postgresql://x/y")
	got, _ = os.ReadFile(dst)
	if !strings.HasSuffix(string(got), "[other2]\nsqlalchemy.url = postgresql://x/y\n") || strings.Count(string(got), "prod/app") != 1 {
		t.Errorf("copy for a missing section:\n%s", got)
	}
}

func TestStatementsKeepsTheMigrationsOwn(t *testing.T) {
	sql := `BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL
);

-- Running upgrade  -> 0001

CREATE INDEX ix ON t (id);

COMMIT;

CREATE INDEX CONCURRENTLY ix2 ON t (id);

BEGIN;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

COMMIT;
`
	got, err := statements(sql)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CREATE INDEX ix ON t (id)", "CREATE INDEX CONCURRENTLY ix2 ON t (id)"}
	if !slices.Equal(got, want) {
		t.Errorf("statements = %q, want %q", got, want)
	}
	if notInTransaction.MatchString(got[0]) || !notInTransaction.MatchString(got[1]) || !notInTransaction.MatchString("VACUUM t") {
		t.Error("notInTransaction misclassifies")
	}
}

func TestBlockedFollowsTheConflictTable(t *testing.T) {
	cases := map[string][]string{
		"ACCESS EXCLUSIVE":       {"SELECT", "SELECT FOR UPDATE", "INSERT/UPDATE/DELETE", "DDL"},
		"SHARE":                  {"INSERT/UPDATE/DELETE", "DDL"},
		"SHARE UPDATE EXCLUSIVE": {"DDL"},
		"ROW EXCLUSIVE":          {"DDL"},
		"EXCLUSIVE":              {"SELECT FOR UPDATE", "INSERT/UPDATE/DELETE", "DDL"},
	}
	for level, want := range cases {
		if got := blocked(level); !slices.Equal(got, want) {
			t.Errorf("blocked(%s) = %q, want %q", level, got, want)
		}
	}
	for mode, level := range levels {
		if modeOf(level) != mode {
			t.Errorf("modeOf(%s) = %s, want %s", level, modeOf(level), mode)
		}
	}
}

func TestSeedValues(t *testing.T) {
	nullable := &column{name: "email", typ: "character varying(200)", category: "S"}
	if v, _ := nullable.value(0); v != "NULL" {
		t.Errorf("a nullable column gets %s, want NULL", v)
	}
	enum := &column{name: "status", typ: "status_type", category: "E", labels: []string{"a", "b"}, notNull: true}
	if v, _ := enum.value(1); v != "'b'::status_type" {
		t.Errorf("enum value %s", v)
	}
	serial := &column{name: "id", typ: "integer", category: "N", notNull: true, hasDef: true}
	if _, ok := serial.value(0); ok {
		t.Error("a column with a default is given a value")
	}
	fk := &column{name: "user_id", typ: "integer", category: "N", notNull: true, hasDef: true, reference: &reference{table: `"public"."users"`, column: `"id"`}}
	if v, _ := fk.value(2); !strings.Contains(v, `FROM "public"."users"`) {
		t.Errorf("a foreign key column gets %s", v)
	}
	a := &table{name: "a", parents: []string{"b"}}
	b := &table{name: "b", parents: []string{"c"}}
	c := &table{name: "c"}
	var order []string
	for _, x := range parentsFirst([]*table{a, b, c}) {
		order = append(order, x.name)
	}
	if !slices.Equal(order, []string{"c", "b", "a"}) {
		t.Errorf("parentsFirst = %v", order)
	}
}

func TestServerURLs(t *testing.T) {
	u, driver, err := serverURL("postgresql+psycopg2://app:pw@db.internal:6543/app")
	if err != nil || driver != "psycopg2" || u.Scheme != "postgresql" || isLocal(u) {
		t.Errorf("serverURL: %v %q %v local=%v", u, driver, err, isLocal(u))
	}
	if _, _, err := serverURL("mysql://x/y"); err == nil {
		t.Error("a MySQL URL is accepted")
	}
	for _, raw := range []string{"postgresql://localhost/x", "postgresql://127.0.0.1:5432/x", "postgresql://[::1]/x", "postgresql:///x?host=/run/postgresql"} {
		u, _, _ := serverURL(raw)
		if !isLocal(u) {
			t.Errorf("%s is not local", raw)
		}
	}
	a, _ := url.Parse("postgresql://u@localhost/app")
	b, _ := url.Parse("postgresql://v@127.0.0.1:5432/postgres")
	c, _ := url.Parse("postgresql://v@127.0.0.1:5433/app")
	if !sameServer(a, b) || sameServer(a, c) {
		t.Error("sameServer")
	}
}
