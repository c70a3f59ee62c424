package check

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// TestBlindSpotNote: a check says where the replay stopped following the
// schema and on how many of the revisions it checked, with or without the
// cache (cold, warm, after an edit), for the whole history or one file.
func TestBlindSpotNote(t *testing.T) {
	revision := func(id, down, body string) string {
		return fmt.Sprintf("from alembic import op\nimport sqlalchemy as sa\n\nrevision = %q\ndown_revision = %s\n\n\n"+
			"def upgrade():\n    %s\n\n\ndef downgrade():\n    pass\n", id, down, body)
	}
	addColumn := `op.add_column("users", sa.Column("%s", sa.String(), nullable=True))`
	files := map[string]string{
		"alembic.ini":       "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://localhost/app\n",
		"migrations/env.py": "",
		"migrations/versions/0001_users.py": revision("0001", "None",
			`op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))`),
		"migrations/versions/0002_load.py":  revision("0002", `"0001"`, "op.execute(load_statement())"),
		"migrations/versions/0003_name.py":  revision("0003", `"0002"`, fmt.Sprintf(addColumn, "name")),
		"migrations/versions/0004_email.py": revision("0004", `"0003"`, fmt.Sprintf(addColumn, "email")),
	}
	root := writeTree(t, files)
	const where = "migrations/versions/0002_load.py:9 (`op.execute(load_statement())`: SQL the tool cannot read)"
	whole := "the schema could not be followed past " + where + ": the rules that read it stay quiet on 2 of the 4 revisions checked"
	head := filepath.Join(root, "migrations/versions/0004_email.py")
	one := "the schema could not be followed past " + where + ": the rules that read it stay quiet on the revision checked"
	proj, err := project.Find(root)
	if err != nil {
		t.Fatal(err)
	}
	blindNotes := func(opts Options) []string {
		t.Helper()
		res, err := Run(context.Background(), proj, opts)
		if err != nil {
			t.Fatal(err)
		}
		return slices.DeleteFunc(slices.Clone(res.Notes), func(n string) bool { return !strings.Contains(n, "could not be followed") })
	}
	cacheDir := t.TempDir()
	cached := func(opts Options) []string {
		cache := modelcache.New(cacheDir, zerolog.Nop())
		defer cache.Flush()
		opts.Snapshots, opts.Parse = cache, cache.Parse
		return blindNotes(opts)
	}
	for _, tt := range []struct {
		name string
		run  func() []string
		want string
	}{
		{"whole, no cache", func() []string { return blindNotes(Options{}) }, whole},
		{"whole, cold cache", func() []string { return cached(Options{}) }, whole},
		{"whole, warm cache", func() []string { return cached(Options{}) }, whole},
		{"the head, no cache", func() []string { return blindNotes(Options{Files: []string{head}}) }, one},
		{"the head edited, warm cache", func() []string {
			if err := os.WriteFile(head, []byte(revision("0004", `"0003"`, fmt.Sprintf(addColumn, "mail"))), 0o644); err != nil {
				t.Fatal(err)
			}
			return cached(Options{Files: []string{head}})
		}, one},
		{"the first revision", func() []string {
			return blindNotes(Options{Files: []string{filepath.Join(root, "migrations/versions/0001_users.py")}})
		}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.run()
			if tt.want == "" && len(got) != 0 || tt.want != "" && !slices.Equal(got, []string{tt.want}) {
				t.Errorf("notes %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestBlindSpotNoteCounts: the place most revisions are blind past is named,
// the others counted; a first revision whose down_revision the directory
// lacks is a blind spot of its own.
func TestBlindSpotNoteCounts(t *testing.T) {
	revision := func(id, down, body string) string {
		return fmt.Sprintf("from alembic import op\n\nrevision = %q\ndown_revision = %s\n\n\ndef upgrade():\n    %s\n\n\n"+
			"def downgrade():\n    pass\n", id, down, body)
	}
	files := map[string]string{
		"alembic.ini":                    "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://localhost/app\n",
		"migrations/env.py":              "",
		"migrations/versions/a1_root.py": revision("a1", `"gone"`, "pass"),
		"migrations/versions/a2_next.py": revision("a2", `"a1"`, "pass"),
		"migrations/versions/b1_root.py": revision("b1", "None", "pass"),
		"migrations/versions/b2_call.py": revision("b2", `"b1"`, "refresh_everything()"),
		"migrations/versions/b3_next.py": revision("b3", `"b2"`, "pass"),
		"migrations/versions/b4_next.py": revision("b4", `"b3"`, "pass"),
		"migrations/versions/b5_next.py": revision("b5", `"b4"`, "pass"),
	}
	proj, err := project.Find(writeTree(t, files))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), proj, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "the schema could not be followed past migrations/versions/b2_call.py:8 (`refresh_everything()`: a call the tool " +
		"cannot follow): the rules that read it stay quiet on 5 of the 7 revisions checked (2 of them past another place)"
	if !slices.Contains(res.Notes, want) {
		t.Errorf("notes %q\nwant %q", res.Notes, want)
	}
}
