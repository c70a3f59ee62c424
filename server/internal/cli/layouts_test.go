package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestLayouts runs check, history and review on every layout of the sweep, the
// way a user would: from the top of the repository, from a subdirectory, and
// with the versions directory as PATH. Each must read every revision file,
// find the layout's one known error, and say how the layout was read.
func TestLayouts(t *testing.T) {
	for _, l := range testenv.Layouts() {
		t.Run(l.Name, func(t *testing.T) {
			top := l.Write(t)
			starts := map[string][]string{"top": {"check", "--format", "json"}}
			if l.Subdir != "" {
				starts["subdirectory"] = []string{"check", "--format", "json"}
			}
			starts["versions PATH"] = []string{"check", "--format", "json", l.Versions}
			for how, args := range starts {
				dir := top
				if how == "subdirectory" {
					dir = filepath.Join(top, l.Subdir)
				}
				out, stderr, code := run(t, dir, args...)
				if code != ExitFindings {
					t.Fatalf("%s: check exit %d, want 1\nstdout:\n%s\nstderr:\n%s", how, code, out, stderr)
				}
				var doc struct {
					Files    int
					Findings []struct{ Rule, Severity, Path string }
					Errors   []any
					Notes    []string
				}
				must(t, json.Unmarshal([]byte(out), &doc))
				if len(doc.Errors) > 0 {
					t.Errorf("%s: errors %v", how, doc.Errors)
				}
				var hit bool
				for _, f := range doc.Findings {
					hit = hit || f.Rule == "enum-type-not-dropped" && strings.HasSuffix(l.Edit, f.Path)
				}
				if !hit {
					t.Errorf("%s: no enum-type-not-dropped finding in %s: %+v", how, l.Edit, doc.Findings)
				}
				if how != "versions PATH" && doc.Files != l.Revisions {
					t.Errorf("%s: %d revision files read, want %d (notes %q)", how, doc.Files, l.Revisions, doc.Notes)
				}
				for _, want := range l.Notes {
					// from below, the notes' paths are relative to where the user is
					if how == "top" && !containsSub(doc.Notes, want) {
						t.Errorf("%s: notes %q lack %q", how, doc.Notes, want)
					}
				}
			}

			out, stderr, code := run(t, top, "check")
			if code != ExitFindings || !strings.Contains(out, "error[enum-type-not-dropped]") {
				t.Errorf("text check: exit %d\n%s", code, out)
			}
			for _, n := range l.Notes {
				if strings.Contains(out, n) {
					t.Errorf("text check: note %q on stdout (notes go to stderr)", n)
				}
				if !strings.Contains(stderr, n) {
					t.Errorf("text check: stderr lacks the note %q:\n%s", n, stderr)
				}
			}

			out, stderr, code = run(t, top, "history", "--format", "json")
			if code != ExitOK {
				t.Fatalf("history exit %d\n%s\n%s", code, out, stderr)
			}
			var hist struct {
				ScriptDirectories []struct {
					RevisionCount int `json:"revision_count"`
					Heads         []string
					Problems      []any
					Revisions     []struct{ Revision, Path string }
				} `json:"script_directories"`
			}
			must(t, json.Unmarshal([]byte(out), &hist))
			revisions, heads := 0, 0
			for _, d := range hist.ScriptDirectories {
				revisions += d.RevisionCount
				heads += len(d.Heads)
				if len(d.Problems) > 0 {
					t.Errorf("history problems: %v", d.Problems)
				}
				if len(d.Revisions) != d.RevisionCount {
					t.Errorf("history lists %d revisions of %d", len(d.Revisions), d.RevisionCount)
				}
			}
			if revisions != l.Revisions || heads != l.Heads {
				t.Errorf("history: %d revisions and %d heads, want %d and %d", revisions, heads, l.Revisions, l.Heads)
			}

			out, stderr, code = run(t, top, "review", "--format", "json", l.Edit)
			if code != ExitOK || !strings.Contains(out, "enum-type-not-dropped") {
				t.Errorf("review %s: exit %d\n%s\n%s", l.Edit, code, out, stderr)
			}
		})
	}
}

func containsSub(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestConfigFlag: in a repository of several projects, -c (as alembic -c)
// or --project with an ini file checks that project alone.
func TestConfigFlag(t *testing.T) {
	l, _ := testenv.LayoutNamed("monorepo")
	top := l.Write(t)
	for _, tt := range []struct {
		args     []string
		files    int
		findings int
	}{
		{[]string{"-c", "services/api/alembic.ini"}, 2, 1},
		{[]string{"--project", "services/worker/alembic.ini"}, 2, 0},
		{nil, 4, 1},
	} {
		out, stderr, _ := run(t, top, append([]string{"check", "--format", "json"}, tt.args...)...)
		var doc struct {
			Files    int
			Findings []any
		}
		must(t, json.Unmarshal([]byte(out), &doc))
		if doc.Files != tt.files || len(doc.Findings) != tt.findings {
			t.Errorf("%q: %d files, %d findings; want %d and %d\n%s", tt.args, doc.Files, len(doc.Findings), tt.files, tt.findings, stderr)
		}
	}
}

// TestSeveralProjectsListed: the projects found below a directory are listed
// one per line, at most ten, with the flags that pick one, by check (a note)
// and create (an error: it needs one project).
func TestSeveralProjectsListed(t *testing.T) {
	top := t.TempDir()
	for i := range 12 {
		sub := filepath.Join(top, fmt.Sprintf("svc%02d", i))
		must(t, os.MkdirAll(filepath.Join(sub, "migrations", "versions"), 0o755))
		must(t, os.WriteFile(filepath.Join(sub, "alembic.ini"), []byte("[alembic]\nscript_location = migrations\n"), 0o644))
		must(t, os.WriteFile(filepath.Join(sub, "migrations", "versions", "0001_orders.py"), []byte(orders), 0o644))
	}
	_, stderr, _ := run(t, top, "check")
	want := "note: 12 Alembic configurations found; all are checked. To check one, pass it with -c FILE (or its directory with --project DIR):\n" +
		"  svc00/alembic.ini\n  svc01/alembic.ini\n"
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "\n  svc09/alembic.ini\n  and 2 more\n") || strings.Contains(stderr, "  svc10/alembic.ini") {
		t.Errorf("check: want the projects one per line, ten of them:\n%s", stderr)
	}
	_, stderr, code := run(t, top, "create", "-m", "add orders")
	if code != ExitUsage || !strings.Contains(stderr, "holds 12 separate Alembic projects") ||
		!strings.Contains(stderr, "-c FILE or its directory with --project DIR") || !strings.Contains(stderr, ":\n  svc00/alembic.ini\n") ||
		!strings.Contains(stderr, "\n  and 2 more") {
		t.Errorf("create: exit %d:\n%s", code, stderr)
	}
}

// TestPathInTheProjectFoundFromHere: a Flask-Migrate project (alembic.ini in
// migrations/, the driver in requirements.txt beside it, no git checkout) is
// checked the same from its top with a revision file as PATH as without one:
// found from the file up, its root would be migrations/ and the driver unseen.
func TestPathInTheProjectFoundFromHere(t *testing.T) {
	top := testenv.MySQLBesideMigrations(t)
	rules := func(args ...string) []string {
		out, stderr, _ := run(t, top, append([]string{"check", "--format", "json"}, args...)...)
		var doc struct{ Findings []struct{ Rule, Path string } }
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("check %v: %v\n%s", args, err, stderr)
		}
		var got []string
		for _, f := range doc.Findings {
			got = append(got, f.Rule+" "+f.Path)
		}
		return got
	}
	whole := rules()
	if !slices.Contains(whole, "mysql-alter-column-incomplete "+testenv.Revision) {
		t.Fatalf("the check from the top does not read the driver: %q", whole)
	}
	if path := rules(testenv.Revision); !slices.Equal(path, whole) {
		t.Errorf("check PATH = %q, want what the check of the project found there: %q", path, whole)
	}
}
