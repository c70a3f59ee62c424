package synth

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

const psql = "/usr/bin/psql"

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func write(t *testing.T, opts Options) (string, Result) {
	t.Helper()
	dir := t.TempDir()
	res, err := Write(dir, opts)
	if err != nil {
		t.Fatalf("Write(%+v): %v", opts, err)
	}
	return dir, res
}

// readTree returns the files under dir, keyed by relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[rel] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func versionFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestDeterministic(t *testing.T) {
	opts := Options{Revisions: 400, Seed: 42, MergeEvery: 20, BatchEvery: 6}
	dirA, resA := write(t, opts)
	dirB, resB := write(t, opts)
	a, b := readTree(t, dirA), readTree(t, dirB)
	if len(a) != len(b) {
		t.Fatalf("run A wrote %d files, run B %d", len(a), len(b))
	}
	var total int64
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Fatalf("%s differs between two runs with the same options", name)
		}
		total += int64(len(data))
	}
	if !slices.Equal(resA.Heads, resB.Heads) || resA.Bytes != resB.Bytes {
		t.Fatalf("results differ: %+v vs %+v", resA, resB)
	}
	if resA.Bytes != total {
		t.Errorf("Result.Bytes = %d, files on disk total %d", resA.Bytes, total)
	}

	opts.Seed = 43
	dirC, _ := write(t, opts)
	same := 0
	for name := range readTree(t, dirC) {
		if _, ok := a[name]; ok && strings.Contains(name, "versions") {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 42 and 43 share %d revision file names", same)
	}
}

func TestFileCount(t *testing.T) {
	for _, opts := range []Options{
		{Revisions: 1},
		{Revisions: 2, MergeEvery: 1},
		{Revisions: 3, MergeEvery: 1, BatchEvery: 1},
		{Revisions: 7, MergeEvery: 2, BatchEvery: 2},
		{Revisions: 250, Seed: 9, MergeEvery: 5, BatchEvery: 3},
		{Revisions: 500, Seed: -3},
	} {
		dir, res := write(t, opts)
		files := versionFiles(t, dir)
		if len(files) != opts.Revisions || res.Revisions != opts.Revisions {
			t.Errorf("%+v: %d files, Result.Revisions %d", opts, len(files), res.Revisions)
		}
		for _, f := range []string{"alembic.ini", "migrations/env.py", "migrations/script.py.mako"} {
			if !exists(filepath.Join(dir, f)) {
				t.Errorf("%+v: %s missing", opts, f)
			}
		}
	}
}

func TestOptionErrors(t *testing.T) {
	for _, opts := range []Options{{}, {Revisions: -1}, {Revisions: 5, MergeEvery: -1}, {Revisions: 5, BatchEvery: -2}} {
		if _, err := Write(t.TempDir(), opts); err == nil {
			t.Errorf("Write(%+v) succeeded, want an error", opts)
		}
	}
	dir, _ := write(t, Options{Revisions: 3})
	if _, err := Write(dir, Options{Revisions: 3}); err == nil {
		t.Error("Write into a non-empty versions directory succeeded, want an error")
	}
}

func TestAlembicIni(t *testing.T) {
	dir, _ := write(t, Options{Revisions: 1})
	ini, _ := os.ReadFile(filepath.Join(dir, "alembic.ini"))
	for _, want := range []string{
		"script_location = %(here)s/migrations\n",
		"sqlalchemy.url = postgresql+psycopg2://u:p@localhost/db\n",
	} {
		if !bytes.Contains(ini, []byte(want)) {
			t.Errorf("alembic.ini lacks %q", want)
		}
	}
	env, _ := os.ReadFile(filepath.Join(dir, "migrations", "env.py"))
	if !bytes.Contains(env, []byte(`os.environ.get("DATABASE_URL")`)) {
		t.Error("env.py does not read DATABASE_URL")
	}
}

var (
	revRe       = regexp.MustCompile(`(?m)^revision(?:: str)? = ['"]([0-9a-f]{12})['"]$`)
	downRe      = regexp.MustCompile(`(?m)^down_revision(?:: [^=]+)? = (.+)$`)
	idRe        = regexp.MustCompile(`['"]([0-9a-f]{12})['"]`)
	revisesRe   = regexp.MustCompile(`(?m)^Revises: (.*)$`)
	revisionIDs = regexp.MustCompile(`(?m)^Revision ID: ([0-9a-f]{12})$`)
)

type revFile struct {
	path  string
	id    string
	downs []string
	text  string
}

func parseRevisions(t *testing.T, dir string) []revFile {
	t.Helper()
	var out []revFile
	for _, path := range versionFiles(t, dir) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		m := revRe.FindStringSubmatch(text)
		d := downRe.FindStringSubmatch(text)
		if m == nil || d == nil {
			t.Fatalf("%s: no revision/down_revision header", path)
		}
		rf := revFile{path: path, id: m[1], text: text}
		if d[1] != "None" {
			for _, x := range idRe.FindAllStringSubmatch(d[1], -1) {
				rf.downs = append(rf.downs, x[1])
			}
			if len(rf.downs) == 0 {
				t.Fatalf("%s: unparsable down_revision %q", path, d[1])
			}
		}
		if !strings.HasPrefix(filepath.Base(path), rf.id+"_") {
			t.Errorf("%s: file name does not start with revision %s", path, rf.id)
		}
		if r := revisionIDs.FindStringSubmatch(text); r == nil || r[1] != rf.id {
			t.Errorf("%s: docstring Revision ID disagrees with revision", path)
		}
		if r := revisesRe.FindStringSubmatch(text); r == nil || r[1] != strings.Join(rf.downs, ", ") {
			t.Errorf("%s: docstring Revises disagrees with down_revision", path)
		}
		out = append(out, rf)
	}
	return out
}

func TestHistoryGraph(t *testing.T) {
	opts := Options{Revisions: 600, Seed: 5, MergeEvery: 25, BatchEvery: 7}
	dir, res := write(t, opts)
	revs := parseRevisions(t, dir)
	byID := map[string]revFile{}
	for _, r := range revs {
		if _, dup := byID[r.id]; dup {
			t.Fatalf("duplicate revision id %s", r.id)
		}
		byID[r.id] = r
	}
	referenced := map[string]bool{}
	bases, merges, batches := 0, 0, 0
	for _, r := range revs {
		if len(r.downs) == 0 {
			bases++
		}
		if len(r.downs) > 1 {
			merges++
			if strings.Count(r.text, "    pass\n") != 2 {
				t.Errorf("%s: merge revision upgrade/downgrade should be pass", r.path)
			}
		}
		if strings.Contains(r.text, "with op.batch_alter_table(") {
			batches++
		}
		for _, d := range r.downs {
			if _, ok := byID[d]; !ok {
				t.Errorf("%s: down_revision %s does not exist", r.path, d)
			}
			referenced[d] = true
		}
	}
	var heads []string
	for _, r := range revs {
		if !referenced[r.id] {
			heads = append(heads, r.id)
		}
	}
	if len(heads) != 1 {
		t.Fatalf("heads = %v, want exactly one", heads)
	}
	if !slices.Equal(res.Heads, heads) {
		t.Errorf("Result.Heads = %v, history head is %v", res.Heads, heads)
	}
	if bases != 1 {
		t.Errorf("%d base revisions, want 1", bases)
	}
	if merges < opts.Revisions/(opts.MergeEvery+6) {
		t.Errorf("only %d merge revisions for %+v", merges, opts)
	}
	if batches < opts.Revisions/opts.BatchEvery*9/10 {
		t.Errorf("only %d revisions with batch_alter_table for %+v", batches, opts)
	}

	// Every revision reaches the base: the graph is connected and acyclic.
	depth := map[string]int{}
	var walk func(id string, seen int) int
	walk = func(id string, seen int) int {
		if seen > len(revs) {
			t.Fatalf("cycle through %s", id)
		}
		if d, ok := depth[id]; ok {
			return d
		}
		d := 0
		for _, p := range byID[id].downs {
			d = max(d, walk(p, seen+1)+1)
		}
		depth[id] = d
		return d
	}
	for _, r := range revs {
		walk(r.id, 0)
	}
}

var opCallRe = regexp.MustCompile(`\b(?:op|batch_op)\.(\w+)\(|sa\.Enum\(name=`)

var inverse = map[string]string{
	"create_table":             "drop_table",
	"drop_table":               "create_table",
	"add_column":               "drop_column",
	"drop_column":              "add_column",
	"create_index":             "drop_index",
	"drop_index":               "create_index",
	"create_foreign_key":       "drop_constraint",
	"create_unique_constraint": "drop_constraint",
	"alter_column":             "alter_column",
}

// opSequence lists the alembic operations called in body, in order.
func opSequence(body string) []string {
	var seq []string
	for _, m := range opCallRe.FindAllStringSubmatch(body, -1) {
		switch {
		case m[1] == "":
			seq = append(seq, "drop_enum")
		case m[1] == "f" || m[1] == "batch_alter_table" || m[1] == "get_bind":
		default:
			seq = append(seq, m[1])
		}
	}
	return seq
}

// TestInverseOps checks that every downgrade undoes its upgrade in reverse
// order, kind by kind.
func TestInverseOps(t *testing.T) {
	dir, _ := write(t, Options{Revisions: 500, Seed: 11, MergeEvery: 30, BatchEvery: 4})
	kinds := map[string]int{}
	for _, r := range parseRevisions(t, dir) {
		i := strings.Index(r.text, "\ndef upgrade(")
		j := strings.Index(r.text, "\ndef downgrade(")
		if i < 0 || j < i {
			t.Fatalf("%s: missing upgrade/downgrade", r.path)
		}
		up, down := opSequence(r.text[i:j]), opSequence(r.text[j:])
		var want []string
		for k := len(up) - 1; k >= 0; k-- {
			kinds[up[k]]++
			switch up[k] {
			case "execute":
			case "drop_constraint":
				// Undone by create_foreign_key or create_unique_constraint.
				want = append(want, "create_*")
			default:
				inv, ok := inverse[up[k]]
				if !ok {
					t.Fatalf("%s: unexpected upgrade op %s", r.path, up[k])
				}
				want = append(want, inv)
			}
		}
		var got []string
		for _, d := range down {
			switch d {
			case "drop_enum":
				if !slices.Contains(up, "create_table") {
					t.Errorf("%s: enum dropped without create_table", r.path)
				}
			case "create_foreign_key", "create_unique_constraint":
				got = append(got, "create_*")
			default:
				got = append(got, d)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: downgrade ops %v, want inverse of upgrade %v", r.path, got, want)
		}
		if strings.Count(r.text, "sa.Enum(name=") > strings.Count(r.text[i:j], "sa.Enum(") {
			t.Errorf("%s: more enum drops than enums created", r.path)
		}
	}
	for _, k := range []string{"create_table", "add_column", "drop_column", "create_index", "drop_index",
		"create_foreign_key", "drop_constraint", "create_unique_constraint", "alter_column", "execute"} {
		if kinds[k] == 0 {
			t.Errorf("no %s op generated in 500 revisions", k)
		}
	}
}

func TestFileShape(t *testing.T) {
	dir, _ := write(t, Options{Revisions: 800, Seed: 8, MergeEvery: 40, BatchEvery: 9})
	var sizes []int
	seen := map[string]int{}
	for _, r := range parseRevisions(t, dir) {
		sizes = append(sizes, len(r.text))
		for _, s := range []string{
			"from alembic import op\n", "import sqlalchemy as sa\n", "from sqlalchemy.dialects import postgresql\n",
			"revision: str = ", "revision = ", "down_revision: Union[str, None] = ",
			"branch_labels: Union[str, Sequence[str], None] = None\n", "depends_on: Union[str, Sequence[str], None] = None\n",
			"def upgrade() -> None:\n", "def downgrade() -> None:\n",
			"# ### commands auto generated by Alembic - please adjust! ###",
			"server_default=sa.text(", "sa.ForeignKeyConstraint(", "sa.Enum(", ".drop(op.get_bind(), checkfirst=True)",
			"op.f(", "new_column_name=", "nullable=False", "op.execute(", "existing_type=sa.VARCHAR(length=",
			"sa.Numeric(", "sa.Boolean()", "sa.Text()", "sa.DateTime(", "schema=None) as batch_op:",
		} {
			if strings.Contains(r.text, s) {
				seen[s]++
			}
		}
		uses := strings.Contains(r.text, "postgresql.")
		imports := strings.Contains(r.text, "from sqlalchemy.dialects import postgresql")
		if uses != imports {
			t.Errorf("%s: uses postgresql.* = %v, imports it = %v", r.path, uses, imports)
		}
		if strings.Contains(r.text, "Sequence[") != strings.Contains(r.text, "from typing import Sequence, Union") {
			t.Errorf("%s: typing import does not match annotations", r.path)
		}
	}
	for s, n := range seen {
		if n == 0 {
			t.Errorf("no file contains %q", s)
		}
	}
	slices.Sort(sizes)
	median, p99 := sizes[len(sizes)/2], sizes[len(sizes)*99/100]
	t.Logf("file sizes: min %d, median %d, p99 %d, max %d", sizes[0], median, p99, sizes[len(sizes)-1])
	if median < 800 || median > 3000 {
		t.Errorf("median file size %d, want about 1-3 KB", median)
	}
	if sizes[len(sizes)-1] < 5000 {
		t.Errorf("largest file is %d bytes, want a few larger files", sizes[len(sizes)-1])
	}
}

func run(t *testing.T, ctx context.Context, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(out, 4000))
	}
	return string(out)
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// TestPythonCompiles byte-compiles a generated project with the real
// interpreter.
func TestPythonCompiles(t *testing.T) {
	python := testenv.Get(t, "ALEMBIC_PATTERNS_PYTHON")
	dir, _ := write(t, Options{Revisions: 50, Seed: 1, MergeEvery: 8, BatchEvery: 3})
	files := append(versionFiles(t, dir), filepath.Join(dir, "migrations", "env.py"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	run(t, ctx, []string{"PYTHONPYCACHEPREFIX=" + t.TempDir()}, python, append([]string{"-m", "py_compile"}, files...)...)
}

// TestAlembicLoadsHistory has alembic itself load the script directory
// (imports every revision module) and report the head; no database needed.
func TestAlembicLoadsHistory(t *testing.T) {
	alembic := testenv.Get(t, "ALEMBIC_PATTERNS_ALEMBIC")
	opts := Options{Revisions: 120, Seed: 4, MergeEvery: 10, BatchEvery: 5}
	dir, res := write(t, opts)
	ini := filepath.Join(dir, "alembic.ini")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := []string{"PYTHONDONTWRITEBYTECODE=1"}
	heads := strings.TrimSpace(run(t, ctx, env, alembic, "-c", ini, "heads"))
	if want := res.Heads[0] + " (head)"; heads != want {
		t.Errorf("alembic heads = %q, want %q", heads, want)
	}
	hist := run(t, ctx, env, alembic, "-c", ini, "history")
	if n := strings.Count(strings.TrimSpace(hist), "\n") + 1; n != opts.Revisions {
		t.Errorf("alembic history lists %d revisions, want %d", n, opts.Revisions)
	}
}

// pgAdmin runs SQL against the server at the admin URL (libpq form) with
// psql, or python3+psycopg2 when psql is absent, and returns the output.
func pgAdmin(ctx context.Context, python, libpqURL, sql string) (string, error) {
	var cmd *exec.Cmd
	if exists(psql) {
		cmd = exec.CommandContext(ctx, psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", libpqURL, "-c", sql)
	} else {
		cmd = exec.CommandContext(ctx, python, "-c", `import sys, psycopg2
c = psycopg2.connect(sys.argv[1], connect_timeout=5)
c.autocommit = True
cur = c.cursor()
cur.execute(sys.argv[2])
if cur.description:
    for row in cur.fetchall():
        print("|".join(str(v) for v in row))
`, libpqURL, sql)
	}
	cmd.Env = append(os.Environ(), "PGCONNECT_TIMEOUT=5")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	return strings.TrimSpace(string(out)), nil
}

// TestReplayOnPostgres runs upgrade head, downgrade base, upgrade head on
// fresh PostgreSQL databases.
func TestReplayOnPostgres(t *testing.T) {
	alembic := testenv.Get(t, "ALEMBIC_PATTERNS_ALEMBIC")
	raw := testenv.Get(t, "ALEMBIC_PATTERNS_PG_URL")
	python := testenv.Get(t, "ALEMBIC_PATTERNS_PYTHON")
	base, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("ALEMBIC_PATTERNS_PG_URL: %v", err)
	}
	admin := *base
	admin.Scheme = "postgresql"
	admin.RawQuery = ""
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if _, err := pgAdmin(ctx, python, admin.String(), "SELECT 1"); err != nil {
		t.Fatalf("PostgreSQL not reachable at ALEMBIC_PATTERNS_PG_URL: %v", err)
	}

	cases := []struct {
		name string
		opts Options
	}{
		{"60revs", Options{Revisions: 60, Seed: 1, MergeEvery: 10, BatchEvery: 4}},
		{"400revs", Options{Revisions: 400, Seed: 2, MergeEvery: 7, BatchEvery: 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && tc.opts.Revisions > 100 {
				t.Skip("large replay skipped in -short mode")
			}
			dir, res := write(t, tc.opts)
			db := fmt.Sprintf("synth_test_%d_%d", os.Getpid(), time.Now().UnixNano())
			if _, err := pgAdmin(ctx, python, admin.String(), "CREATE DATABASE "+db); err != nil {
				t.Fatalf("create database: %v", err)
			}
			t.Cleanup(func() {
				cctx, ccancel := context.WithTimeout(context.Background(), time.Minute)
				defer ccancel()
				if _, err := pgAdmin(cctx, python, admin.String(), "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)"); err != nil {
					t.Errorf("drop database %s: %v", db, err)
				}
			})
			target := *base
			target.Path = "/" + db
			dbAdmin := admin
			dbAdmin.Path = "/" + db
			env := []string{"DATABASE_URL=" + target.String(), "PYTHONDONTWRITEBYTECODE=1"}
			ini := filepath.Join(dir, "alembic.ini")
			schema := func() string {
				out, err := pgAdmin(ctx, python, dbAdmin.String(), `SELECT
  (SELECT count(*) FROM pg_tables WHERE schemaname = 'public'),
  (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype = 'e')`)
				if err != nil {
					t.Fatal(err)
				}
				return out
			}

			run(t, ctx, env, alembic, "-c", ini, "upgrade", "head")
			first := schema()
			run(t, ctx, env, alembic, "-c", ini, "downgrade", "base")
			if got := schema(); got != "1|0" {
				t.Errorf("after downgrade base: tables|enum types = %s, want 1|0 (only alembic_version)", got)
			}
			run(t, ctx, env, alembic, "-c", ini, "upgrade", "head")
			if again := schema(); again != first {
				t.Errorf("second upgrade: tables|enum types = %s, first upgrade %s", again, first)
			}
			cur := run(t, ctx, env, alembic, "-c", ini, "current")
			if !strings.Contains(cur, res.Heads[0]+" (head)") {
				t.Errorf("alembic current = %q, want head %s", cur, res.Heads[0])
			}
			t.Logf("%+v: tables|enum types after upgrade = %s", tc.opts, first)
		})
	}
}

func BenchmarkWrite3000(b *testing.B) {
	for b.Loop() {
		dir := b.TempDir()
		res, err := Write(dir, Options{Revisions: 3000, Seed: 1, MergeEvery: 50, BatchEvery: 7})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(res.Bytes)
	}
}

// BenchmarkGenerate3000 measures generation alone, without file I/O.
func BenchmarkGenerate3000(b *testing.B) {
	for b.Loop() {
		g := newGen(Options{Revisions: 3000, Seed: 1, MergeEvery: 50, BatchEvery: 7})
		var n int64
		g.emit = func(_ string, data []byte) error { n += int64(len(data)); return nil }
		if _, err := g.history(); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(n)
	}
}
