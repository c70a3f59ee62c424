package check

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

func TestResolveTarget(t *testing.T) {
	proj, err := project.Find(filepath.Join("testdata", "healthy"))
	if err != nil {
		t.Fatal(err)
	}
	dirs, errs, _ := Load(context.Background(), proj, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	names := func(files []string) []string {
		var out []string
		for _, f := range files {
			out = append(out, strings.TrimSuffix(filepath.Base(f), ".py"))
		}
		slices.Sort(out)
		return out
	}
	g := dirs[0].Loaded.Graph
	head := g.Heads[0]
	for _, c := range []struct {
		target string
		want   []string
		err    string
	}{
		{"", names([]string{g.Revisions[head].Path}), ""},
		{"all", nil, ""},
		{"4f1a9c2e7b10:9b3e5d7c1a42", []string{"4f1a9c2e7b10_create_users", "9b3e5d7c1a42_authors_and_books"}, ""},
		{"nope", nil, `no revision "nope"`},
		{"9b3e5d7c1a42:4f1a9c2e7b10", nil, "is not above"},
		{"../../../../../go.mod", nil, "outside the project directory"},
		{"alembic.ini.py", nil, "no such file"},
	} {
		files, err := ResolveTarget(proj, dirs, c.target)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.target, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.target, err)
			continue
		}
		if c.want != nil && !slices.Equal(names(files), c.want) {
			t.Errorf("%q: %v, want %v", c.target, names(files), c.want)
		}
		if c.want == nil && files != nil {
			t.Errorf("%q: want every revision (nil), got %v", c.target, files)
		}
	}

	// a symlink inside the project pointing outside is refused
	outside := filepath.Join(t.TempDir(), "x.py")
	if err := os.WriteFile(outside, []byte("revision = 'x'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(proj.Root, "link_outside.py")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(link)
	if _, err := ResolveTarget(proj, dirs, "link_outside.py"); err == nil || !strings.Contains(err.Error(), "outside the project") {
		t.Errorf("symlink out of the project: %v", err)
	}
}
