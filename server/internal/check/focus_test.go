package check

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestFocusedEqualsWhole: for every revision file of every rule fixture case,
// of the healthy corpus and of the example, a check of that file reports the
// same findings and errors on it whether it reads the whole history or goes
// through the cache: the first time (the whole history is read and snapshots
// are kept), the second (from the snapshots: it must be focused wherever the
// file's revision has at most one input and is not on a cycle), and with
// every pack of the cache damaged. The project layouts of the sweep are
// checked too (several script directories, nested folders).
func TestFocusedEqualsWhole(t *testing.T) {
	ctx := context.Background()
	focused, damaged, pairs := 0, 0, 0
	dirs := append(testenv.Corpus(t), droppedBetween(t))
	for _, l := range testenv.Layouts() {
		dirs = append(dirs, filepath.Join(l.Write(t), filepath.FromSlash(l.Subdir)))
	}
	for _, dir := range dirs {
		proj, err := project.Find(dir)
		if err != nil {
			continue // a fixture of a file that is no project
		}
		whole, err := Run(ctx, proj, Options{Profile: "zero-downtime"})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		cacheDir := t.TempDir()
		var revisions []*history.Revision
		for _, sd := range whole.Dirs {
			revisions = append(revisions, sd.Loaded.Graph.Order...)
		}
		wants := map[string]fileResult{}
		for _, r := range revisions {
			wants[r.Path] = onFile(t, proj, Options{Profile: "zero-downtime", Files: []string{r.Path}}, r.Path)
		}
		if len(revisions) >= 3 {
			// the lowest and the highest file together: a pass over the lowest
			// reads the revisions above it, which are below the highest
			pairs += focusedPairDiffers(t, proj, revisions[0], revisions[len(revisions)-1], wants)
		}
		for _, pass := range []string{"first", "second", "damaged"} {
			if pass == "damaged" {
				damaged += testenv.DamagePacks(t, cacheDir)
			}
			for _, r := range revisions {
				cache := modelcache.New(cacheDir, zerolog.Nop())
				opts := Options{Profile: "zero-downtime", Files: []string{r.Path}, Snapshots: cache, Parse: cache.Parse}
				got, want := onFile(t, proj, opts, r.Path), wants[r.Path]
				if pass != "damaged" {
					cache.Flush()
				}
				if !reflect.DeepEqual(got.findings, want.findings) || !reflect.DeepEqual(got.errors, want.errors) {
					t.Errorf("%s, %s run: %d findings %d errors, want %d and %d:\n%v\nwant\n%v", r.Path, pass,
						len(got.findings), len(got.errors), len(want.findings), len(want.errors), got.findings, want.findings)
				}
				if pass == "second" && got.focused > 0 {
					focused++
				}
				if pass == "second" && got.focused == 0 && len(r.Inputs()) <= 1 {
					t.Errorf("%s: the second check was not focused", r.Path)
				}
			}
		}
	}
	t.Logf("%d revision files checked from snapshots, %d packs damaged, %d pairs of files checked together", focused, damaged, pairs)
	if focused < 500 || damaged < 300 {
		t.Errorf("only %d revision files were checked from snapshots, and %d packs damaged", focused, damaged)
	}
}

// focusedPairDiffers checks two revision files together through a cache,
// twice (the second time from snapshots), and requires on each what a check
// of the whole history says of it. It returns 1 (a pair checked).
func focusedPairDiffers(t *testing.T, proj *project.Project, low, high *history.Revision, wants map[string]fileResult) int {
	t.Helper()
	cacheDir := t.TempDir()
	for range 2 {
		cache := modelcache.New(cacheDir, zerolog.Nop())
		opts := Options{Profile: "zero-downtime", Files: []string{low.Path, high.Path}, Snapshots: cache, Parse: cache.Parse}
		for _, r := range []*history.Revision{low, high} {
			if got := onFile(t, proj, opts, r.Path); !reflect.DeepEqual(got.findings, wants[r.Path].findings) {
				t.Errorf("%s checked with %s: %v\nwant %v", r.Path, filepath.Base(high.Path), got.findings, wants[r.Path].findings)
			}
		}
		cache.Flush()
	}
	return 1
}

type fileResult struct {
	findings []rules.Diagnostic
	errors   []string
	focused  int
}

// onFile checks a project and keeps what it says about one file.
func onFile(t *testing.T, proj *project.Project, opts Options, path string) fileResult {
	t.Helper()
	res, err := Run(context.Background(), proj, opts)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := fileResult{focused: res.Focused}
	for _, d := range res.Findings {
		if d.Path == path {
			out.findings = append(out.findings, d)
		}
	}
	for _, e := range res.Errors {
		if e.Path == path {
			out.errors = append(out.errors, e.Error())
		}
	}
	return out
}

// TestFocusedKeepsDialectEvidence: the dialect inferred from what the
// revisions far below import is the same in a focused check (their headers
// carry it), so a MySQL-only finding on the head is still reported.
func TestFocusedKeepsDialectEvidence(t *testing.T) {
	dir := t.TempDir()
	revision := func(id, down, body string) {
		src := fmt.Sprintf("from alembic import op\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import mysql\n\n"+
			"revision = %q\ndown_revision = %s\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    %s\n\n\ndef downgrade():\n    pass\n",
			id, down, body)
		if err := os.WriteFile(filepath.Join(dir, id+"_rev.py"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	revision("0001", "None", `op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("body", mysql.TEXT()))`)
	revision("0002", `"0001"`, `op.add_column("notes", sa.Column("title", mysql.VARCHAR(length=20)))`)
	revision("0003", `"0002"`, `op.add_column("notes", sa.Column("tag", mysql.VARCHAR(length=20)))`)
	revision("0004", `"0003"`, `op.create_index("ix_notes_body", "notes", ["body"])`)
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	head := filepath.Join(dir, "0004_rev.py")
	opts := Options{Files: []string{head}}
	want := onFile(t, proj, opts, head)
	if !slices.ContainsFunc(want.findings, func(d rules.Diagnostic) bool { return d.Rule == "mysql-text-index-without-length" }) {
		t.Fatalf("the project is not checked as MySQL's: %v", want.findings)
	}
	cacheDir := t.TempDir()
	for range 2 {
		cache := modelcache.New(cacheDir, zerolog.Nop())
		opts.Snapshots, opts.Parse = cache, cache.Parse
		got := onFile(t, proj, opts, head)
		cache.Flush()
		if !reflect.DeepEqual(got.findings, want.findings) {
			t.Errorf("focused %d times: %v, want %v", got.focused, got.findings, want.findings)
		}
	}
}

// TestNewRevisionStartsFromTheHead: a revision written above the head (what
// /migrate:create and the hook see) is checked from the snapshot an earlier
// check kept after the head, on its first check, and reports what a check
// of the whole history reports.
func TestNewRevisionStartsFromTheHead(t *testing.T) {
	dir := t.TempDir()
	revision := func(id, down, body string) string {
		path := filepath.Join(dir, id+"_rev.py")
		src := fmt.Sprintf("from alembic import op\nimport sqlalchemy as sa\n\nrevision = %q\ndown_revision = %s\n"+
			"branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    %s\n\n\ndef downgrade():\n    pass\n", id, down, body)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	revision("0001", "None", `op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))`)
	head := revision("0002", `"0001"`, `op.add_column("users", sa.Column("email", sa.String(), nullable=True))`)
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	check := func(path string) fileResult {
		t.Helper()
		cache := modelcache.New(cacheDir, zerolog.Nop())
		defer cache.Flush()
		return onFile(t, proj, Options{Files: []string{path}, Snapshots: cache, Parse: cache.Parse}, path)
	}
	check(head)
	added := revision("0003", `"0002"`, `op.alter_column("users", "email", existing_type=sa.String(), nullable=False)`)
	want := onFile(t, proj, Options{Files: []string{added}}, added)
	if len(want.findings) == 0 {
		t.Fatal("the new revision has no finding to compare")
	}
	got := check(added)
	if got.focused != 1 || !reflect.DeepEqual(got.findings, want.findings) {
		t.Errorf("focused %d: %v\nwant (focused once) %v", got.focused, got.findings, want.findings)
	}
}

// TestHeadersFirstEqualsWhole: a check of the whole history through a warm
// cache reads every file's header and only the whole models the rules read
// (rules.Scope.Whole), and replays from the snapshot kept nearest below what
// changed (checkpoints every two revisions here); after each revision file
// of every rule fixture case,
// of the healthy corpus, of the example and of the sweep's layouts is
// changed in turn (a line appended), it reports the findings, errors and
// notes that a check without the cache reports on the changed files.
func TestHeadersFirstEqualsWhole(t *testing.T) {
	defer func(every int) { rules.CheckpointEvery = every }(rules.CheckpointEvery)
	rules.CheckpointEvery = 2 // a change far below the head replays from a checkpoint
	ctx := context.Background()
	long := longerHistory(t)
	dirs := append(testenv.Corpus(t), long)
	for _, l := range testenv.Layouts() {
		dirs = append(dirs, filepath.Join(l.Write(t), filepath.FromSlash(l.Subdir)))
	}
	summary := func(res *Result) []string {
		var out []string
		for _, d := range res.Findings {
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
		for _, e := range res.Errors {
			out = append(out, "error: "+e.Error())
		}
		return append(out, res.Notes...)
	}
	partial, runs := 0, 0
	for _, dir := range dirs {
		proj, err := project.Find(dir)
		if err != nil {
			continue // a fixture of a file that is no project
		}
		opts := Options{Profile: "zero-downtime"}
		whole, err := Run(ctx, proj, opts)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		var revisions []*history.Revision
		for _, sd := range whole.Dirs {
			revisions = append(revisions, sd.Loaded.Graph.Order...)
		}
		if dir == long && (!slices.ContainsFunc(whole.Findings, func(d rules.Diagnostic) bool { return d.Rule == "app-model-import" }) ||
			!slices.ContainsFunc(whole.Notes, func(n string) bool { return strings.Contains(n, "(4 revisions that change the schema") })) {
			t.Fatalf("the longer history has no app-model-import finding or no downgrade-missing note:\n%s", strings.Join(summary(whole), "\n"))
		}
		cacheDir := t.TempDir()
		cached := func() (*Result, int) {
			t.Helper()
			cache := modelcache.New(cacheDir, zerolog.Nop())
			defer cache.Flush()
			var wholeModels atomic.Int64
			got, err := Run(ctx, proj, Options{Profile: "zero-downtime", Snapshots: cache,
				Parse: func(ctx context.Context, path string) (*migration.Migration, error) {
					wholeModels.Add(1)
					return cache.Parse(ctx, path)
				}})
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			return got, int(wholeModels.Load())
		}
		cached() // cold: every model is read, and snapshots and findings are kept
		for _, r := range revisions {
			f, err := os.OpenFile(r.Path, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			_, err = f.WriteString("\n# changed\n")
			if f.Close(); err != nil {
				t.Fatal(err)
			}
			want, err := Run(ctx, proj, opts)
			if err != nil {
				t.Fatalf("%s: %v", r.Path, err)
			}
			got, read := cached()
			if len(revisions) >= 4 { // smaller histories are read whole whatever changed
				if runs++; read < len(revisions) {
					partial++
				}
			}
			if g, w := summary(got), summary(want); !slices.Equal(g, w) {
				t.Errorf("%s changed, through the cache (%d whole models read):\n%s\nwant\n%s", r.Path, read,
					strings.Join(g, "\n"), strings.Join(w, "\n"))
			}
		}
	}
	t.Logf("%d checks after a change in a history of 4 revisions or more, %d of them read fewer whole models than revisions", runs, partial)
	// a change near a head reads few (a change far below replays the
	// revisions above it, and those below it down to a snapshot)
	if partial < 30 {
		t.Errorf("only %d of %d checks read fewer whole models than the history has", partial, runs)
	}
}

// longerHistory writes a project whose findings and notes far below its head
// come from what the rules read of every revision (their marks): the
// application's model imported by the second of six revisions
// (app-model-import), and no downgrade written after the first
// (downgrade-missing's note counts the revisions that change the schema).
func longerHistory(t *testing.T) string {
	dir := t.TempDir()
	write := func(name, src string) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("alembic.ini", "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://localhost/shop\n")
	write("migrations/env.py", "from alembic import context\n")
	write("app/__init__.py", "")
	write("app/models.py", "import sqlalchemy as sa\nfrom sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\n\n"+
		"class User(Base):\n    __tablename__ = \"users\"\n    id = sa.Column(sa.Integer, primary_key=True)\n    name = sa.Column(sa.String(50))\n")
	bodies := []string{
		`op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(50)))`,
		`op.execute(User.__table__.update().values(name="anonymous"))`,
		`op.add_column("users", sa.Column("email", sa.String(100), nullable=True))`,
		`op.add_column("users", sa.Column("phone", sa.String(20), nullable=True))`,
		`op.create_index("ix_users_email", "users", ["email"])`,
		`op.add_column("users", sa.Column("city", sa.String(50), nullable=True))`,
	}
	down := "None"
	for i, body := range bodies {
		id := fmt.Sprintf("000%d", i+1)
		imports, downgrade := "", "pass"
		if i == 0 {
			downgrade = `op.drop_table("users")`
		}
		if i == 1 {
			imports = "from app.models import User\n"
		}
		write("migrations/versions/"+id+"_rev.py", fmt.Sprintf("from alembic import op\nimport sqlalchemy as sa\n%s\n"+
			"revision = %q\ndown_revision = %s\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    %s\n\n\n"+
			"def downgrade():\n    %s\n", imports, id, down, body, downgrade))
		down = fmt.Sprintf("%q", id)
	}
	return dir
}

// droppedBetween writes a project whose base creates an enum type that its
// downgrade leaves, the next revision drops the type, and three more
// follow: what enum-type-not-dropped says of the base depends on the
// revision above it (a warning, not an error), which a check of the base
// and the head together reads only as a header at first.
func droppedBetween(t *testing.T) string {
	dir := t.TempDir()
	revision := func(id, down, upgrade, downgrade string) {
		src := fmt.Sprintf("from alembic import op\nimport sqlalchemy as sa\n\nrevision = %q\ndown_revision = %s\n"+
			"branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    %s\n\n\ndef downgrade():\n    %s\n", id, down, upgrade, downgrade)
		if err := os.WriteFile(filepath.Join(dir, id+"_rev.py"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	revision("0001", "None", `op.create_table("builds", sa.Column("id", sa.Integer(), primary_key=True), `+
		`sa.Column("status", sa.Enum("queued", "done", name="buildstatus"), nullable=False))`, `op.drop_table("builds")`)
	revision("0002", `"0001"`, `op.alter_column("builds", "status", type_=sa.Text(), postgresql_using="status::text")`+
		"\n    op.execute(\"DROP TYPE IF EXISTS buildstatus\")", "pass")
	for i, column := range []string{"note", "owner", "tag"} {
		revision(fmt.Sprintf("000%d", i+3), fmt.Sprintf(`"000%d"`, i+2),
			fmt.Sprintf(`op.add_column("builds", sa.Column(%q, sa.Text(), nullable=True))`, column), fmt.Sprintf(`op.drop_column("builds", %q)`, column))
	}
	return dir
}
