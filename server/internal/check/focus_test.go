package check

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
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
	focused, damaged := 0, 0
	dirs := testenv.Corpus(t)
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
	t.Logf("%d revision files checked from snapshots, %d packs damaged", focused, damaged)
	if focused < 500 || damaged < 300 {
		t.Errorf("only %d revision files were checked from snapshots, and %d packs damaged", focused, damaged)
	}
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
