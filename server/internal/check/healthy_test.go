package check

// The healthy corpus (testdata/healthy) is one Alembic project whose
// revisions are all correct on PostgreSQL, written in the styles real projects
// use. TestHealthyCorpusRoundTrip proves that on a real database;
// TestHealthyCorpusHasNoFindings demands that the default rules stay quiet on
// it (every finding there is a false positive).

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

const (
	healthyCorpus = "testdata/healthy"
	// healthyWalk is how many revisions the stepwise downgrade -1 / upgrade +1
	// walk covers, from the head down. The tail of the history is linear
	// that far (no merge point inside it).
	healthyWalk       = 8
	healthyPsql       = "/usr/bin/psql"
	healthyPython     = "/usr/bin/python3"
	healthyCmdTimeout = 2 * time.Minute
)

// healthyRevisionFiles lists the corpus's revision files.
func healthyRevisionFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(healthyCorpus, "migrations", "versions", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 25 || len(files) > 40 {
		t.Fatalf("the healthy corpus has %d revision files, want 25-40", len(files))
	}
	return files
}

func TestHealthyCorpusHasNoFindings(t *testing.T) {
	files := healthyRevisionFiles(t)
	proj, err := project.Find(healthyCorpus)
	if err != nil {
		t.Fatalf("project.Find(%s): %v", healthyCorpus, err)
	}
	want, err := filepath.Abs(healthyCorpus)
	if err != nil {
		t.Fatal(err)
	}
	if want, err = filepath.EvalSymlinks(want); err != nil {
		t.Fatal(err)
	}
	if proj.Root != want {
		t.Fatalf("project.Find found %s, want the corpus at %s", proj.Root, want)
	}

	res, err := Run(context.Background(), proj, Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	for _, e := range res.Errors {
		t.Errorf("error: %v", e)
	}
	for _, f := range res.Findings {
		rel, err := filepath.Rel(proj.Root, f.Path)
		if err != nil {
			rel = f.Path
		}
		t.Errorf("finding on healthy code: %s:%d:%d: %s [%s] %s (revision %s)",
			rel, f.Span.StartLine, f.Span.StartCol, f.Severity, f.Rule, f.Message, f.Revision)
	}
	if res.Files != len(files) {
		t.Errorf("Files = %d, want %d (one per revision file)", res.Files, len(files))
	}
	if len(res.Dirs) != 1 || res.Dirs[0].Dialect != "postgresql" {
		var dialects []string
		for _, d := range res.Dirs {
			dialects = append(dialects, d.Dialect)
		}
		t.Errorf("script directories/dialects = %q, want one postgresql directory", dialects)
	}
	for _, n := range res.Notes {
		t.Errorf("unexpected note (the dialect is in alembic.ini): %s", n)
	}
}

// healthyDB is a scratch database on the test server.
type healthyDB struct {
	libpq   string // postgresql://... for psql / psycopg2
	alembic string // the same database in ALEMBIC_PATTERNS_PG_URL's form
}

// healthySQL runs SQL (unaligned, tuples only, "|" between fields) against a
// libpq URL with psql, or with python3 + psycopg2 when psql is missing.
func healthySQL(ctx context.Context, libpq, sql string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, healthyCmdTimeout)
	defer cancel()
	var cmd *exec.Cmd
	if _, err := os.Stat(healthyPsql); err == nil {
		cmd = exec.CommandContext(ctx, healthyPsql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", libpq, "-c", sql)
	} else {
		const script = `import sys
import psycopg2

conn = psycopg2.connect(sys.argv[1])
conn.autocommit = True
cur = conn.cursor()
cur.execute(sys.argv[2])
if cur.description is not None:
    for row in cur.fetchall():
        print("|".join("" if v is None else str(v) for v in row))
`
		cmd = exec.CommandContext(ctx, healthyPython, "-c", script, libpq, sql)
	}
	cmd.Env = append(os.Environ(), "PGCONNECT_TIMEOUT=10")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s: %v\n%s", sql, err, out)
	}
	return strings.TrimRight(string(out), "\n"), nil
}

// newHealthyDB creates a uniquely named database and drops it when the test
// ends.
func newHealthyDB(t *testing.T, ctx context.Context, pgURL string) healthyDB {
	t.Helper()
	u, err := url.Parse(pgURL)
	if err != nil {
		t.Fatalf("ALEMBIC_PATTERNS_PG_URL: %v", err)
	}
	admin := *u
	admin.Scheme = "postgresql" // libpq does not know postgresql+psycopg2
	admin.RawQuery = ""
	name := fmt.Sprintf("healthy_corpus_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := healthySQL(ctx, admin.String(), "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		cctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := healthySQL(cctx, admin.String(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	libpq, target := admin, *u
	libpq.Path, target.Path = "/"+name, "/"+name
	return healthyDB{libpq: libpq.String(), alembic: target.String()}
}

// copyHealthyCorpus copies the corpus (without Python caches) to a fresh
// directory, so alembic never writes into the source tree.
func copyHealthyCorpus(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(healthyCorpus, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(healthyCorpus, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			if d.Name() == "__pycache__" {
				return filepath.SkipDir
			}
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copy corpus: %v", err)
	}
	return dst
}

// healthySchemaQuery describes the public schema in a form that does not
// depend on the order in which things were created: columns with type,
// nullability, default and comment; constraints; indexes; enum types with
// their labels in order; table comments; sequences.
const healthySchemaQuery = `
SELECT line FROM (
  SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
         || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
         || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
         || coalesce(' COMMENT ' || col_description(c.oid, a.attnum), '') AS line
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
     AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
   WHERE t.typnamespace = 'public'::regnamespace
   GROUP BY t.typname
  UNION ALL
  SELECT 'table comment ' || c.relname || ' ' || obj_description(c.oid, 'pg_class')
    FROM pg_class c
   WHERE c.relnamespace = 'public'::regnamespace AND obj_description(c.oid, 'pg_class') IS NOT NULL
  UNION ALL
  SELECT 'sequence ' || c.relname FROM pg_class c
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
) s ORDER BY line`

// healthySchemaDiff lists the lines that are only in a or only in b.
func healthySchemaDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

func TestHealthyCorpusRoundTrip(t *testing.T) {
	pgURL := testenv.Get(t, "ALEMBIC_PATTERNS_PG_URL")
	alembicBin := testenv.Get(t, "ALEMBIC_PATTERNS_ALEMBIC")
	files := healthyRevisionFiles(t)

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	db := newHealthyDB(t, ctx, pgURL)
	dir := copyHealthyCorpus(t)

	env := append(os.Environ(),
		"DATABASE_URL="+db.alembic,
		"PYTHONHASHSEED=0",
		"PYTHONDONTWRITEBYTECODE=1",
	)
	alembic := func(args ...string) string {
		t.Helper()
		cctx, ccancel := context.WithTimeout(ctx, healthyCmdTimeout)
		defer ccancel()
		cmd := exec.CommandContext(cctx, alembicBin, args...)
		cmd.Dir = dir
		cmd.Env = env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("alembic %s failed: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	current := func() string {
		t.Helper()
		return strings.TrimSpace(alembic("current"))
	}
	query := func(sql string) string {
		t.Helper()
		out, err := healthySQL(ctx, db.libpq, sql)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	// assertEmpty: no relations but alembic_version (no tables, sequences,
	// views), no enum types, no current revision.
	assertEmpty := func(step string) {
		t.Helper()
		left := query(`SELECT
  (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace
      AND relkind IN ('r', 'S', 'v', 'm', 'p') AND relname <> 'alembic_version'),
  (SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'),
  (SELECT count(*) FROM alembic_version)`)
		if left != "0|0|0" {
			t.Fatalf("after %s: relations|enum types|alembic_version rows = %s, want 0|0|0\n%s", step, left, query(healthySchemaQuery))
		}
	}

	sameSchema := func(step, want string) {
		t.Helper()
		if got := query(healthySchemaQuery); got != want {
			t.Fatalf("after %s the schema differs from the first upgrade head:\n%s", step, healthySchemaDiff(want, got))
		}
	}

	headsOut := strings.TrimSpace(alembic("heads"))
	if headsOut == "" || strings.Contains(headsOut, "\n") {
		t.Fatalf("alembic heads = %q, want exactly one head", headsOut)
	}
	head := strings.Fields(headsOut)[0]

	// Every revision file is part of the history alembic sees; collect the
	// revisions oldest first for the one-by-one upgrade below.
	var order []string
	hist := strings.Split(strings.TrimSpace(alembic("history")), "\n")
	for i := len(hist) - 1; i >= 0; i-- {
		_, after, ok := strings.Cut(hist[i], " -> ")
		if !ok {
			t.Fatalf("unexpected alembic history line %q", hist[i])
		}
		order = append(order, strings.TrimRight(strings.Fields(after)[0], ","))
	}
	if len(order) != len(files) {
		t.Fatalf("alembic history lists %d revisions, the corpus has %d files", len(order), len(files))
	}

	// 1. upgrade head on an empty database.
	alembic("upgrade", "head")
	if cur := current(); !strings.HasPrefix(cur, head+" (head)") {
		t.Fatalf("alembic current after upgrade head = %q, want %s (head)", cur, head)
	}
	atHead := query(healthySchemaQuery)
	if !strings.Contains(atHead, "enum order_status pending,shipped,cancelled,refunded") {
		t.Fatalf("unexpected schema at head:\n%s", atHead)
	}
	if n := query("SELECT count(*) FROM currencies"); n != "4" {
		t.Fatalf("currencies after upgrade head: %s rows, want the 4 seeded by the migration", n)
	}

	// 2. downgrade base removes everything.
	alembic("downgrade", "base")
	assertEmpty("downgrade base")

	// 3. upgrade head again: the same schema as the first time.
	alembic("upgrade", "head")
	sameSchema("downgrade base + upgrade head", atHead)

	// 4. Stepwise walk over the last revisions.
	for range healthyWalk {
		alembic("downgrade", "-1")
	}
	for range healthyWalk {
		alembic("upgrade", "+1")
	}
	if cur := current(); !strings.HasPrefix(cur, head+" (head)") {
		t.Fatalf("alembic current after the walk = %q, want %s (head)", cur, head)
	}
	sameSchema(fmt.Sprintf("%d x downgrade -1 and %d x upgrade +1", healthyWalk, healthyWalk), atHead)

	if testing.Short() {
		t.Logf("%d revisions: upgrade head, downgrade base, upgrade head, %d-step walk passed (one-by-one upgrade with data skipped in -short mode)", len(order), healthyWalk)
		return
	}

	// 5. From base, one revision per alembic run, as deployments apply them
	// (no enum memo shared between revisions), with rows in the tables so
	// that backfills, renames and casts meet real data; then downgrade base
	// with that data still there.
	alembic("downgrade", "base")
	for _, rev := range order {
		alembic("upgrade", rev)
		if sql, ok := healthySeed[rev]; ok {
			query(sql)
		}
	}
	if cur := current(); !strings.HasPrefix(cur, head+" (head)") {
		t.Fatalf("alembic current after the one-by-one upgrade = %q, want %s (head)", cur, head)
	}
	sameSchema("one-by-one upgrade from base", atHead)
	for _, c := range healthyDataChecks {
		if got := query(c.sql); got != c.want {
			t.Errorf("%s\n  = %q, want %q", c.sql, got, c.want)
		}
	}
	alembic("downgrade", "base")
	assertEmpty("downgrade base with data")
	t.Logf("%d revisions: upgrade head, downgrade base, upgrade head, %d-step walk, one-by-one upgrade with data, downgrade base: all passed", len(order), healthyWalk)
}

// healthySeed is data inserted right after a revision is applied in the
// one-by-one upgrade.
var healthySeed = map[string]string{
	"0005_user_role": `
INSERT INTO users (id, email, name, role) VALUES (1, 'ada@example.com', 'Ada Lovelace', 'admin'),
                                                 (2, 'bob@example.com', NULL, NULL);
INSERT INTO authors (id, name) VALUES (1, 'Mary Shelley');
INSERT INTO books (id, title, author_id) VALUES (1, 'Frankenstein', 1);
INSERT INTO orders (id, user_id, status) VALUES (1, 1, 'shipped'), (2, 2, 'pending');`,
	"0007_add_invoices": `INSERT INTO invoices (order_id, number, amount) VALUES (1, '1001', 25.50);`,
	"b4f8a2d6c9e1": `
INSERT INTO posts (id, title, tags) VALUES (1, 'Hello', ARRAY['intro', 'news']);
INSERT INTO categories (id, name) VALUES (1, 'general');
INSERT INTO post_categories (post_id, category_id) VALUES (1, 1);`,
}

// healthyDataChecks is what the seeded rows look like at head.
var healthyDataChecks = []struct{ sql, want string }{
	// renamed, copied by the data migration, filled by the server default
	{"SELECT full_name, coalesce(display_name, '-'), is_active FROM users ORDER BY id", "Ada Lovelace|Ada Lovelace|t\n|-|t"},
	// backfilled before SET NOT NULL
	{"SELECT string_agg(currency, ',' ORDER BY id) FROM orders", "EUR,EUR"},
	// varchar -> integer with USING
	{"SELECT number FROM invoices", "1001"},
	// renamed table, widened array, backfilled slug, enum column with default
	{"SELECT slug, status, tags::text FROM articles", "article-1|draft|{intro,news}"},
	{"SELECT count(*) FROM currencies", "4"},
}
