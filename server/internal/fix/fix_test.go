package fix

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

var update = flag.Bool("update", false, "rewrite the golden fixed/ files")

// Golden fixtures: every rule fixture case (server/internal/rules/testdata/<rule>/<case>)
// with a fixed/ directory holds the expected result of `fix` (with --unsafe when the
// case has a file named "unsafe").
func TestGolden(t *testing.T) {
	cases, _ := filepath.Glob(filepath.Join("..", "rules", "testdata", "*", "*", "fixed"))
	if len(cases) == 0 {
		t.Fatal("no golden fixtures")
	}
	for _, fixed := range cases {
		dir := filepath.Dir(fixed)
		rule := filepath.Base(filepath.Dir(dir))
		t.Run(rule+"/"+filepath.Base(dir), func(t *testing.T) {
			_, err := os.Stat(filepath.Join(dir, "unsafe"))
			unsafe := err == nil
			proj := copyProject(t, dir)
			edits := fixEdits(t, proj, rule, unsafe)
			before := runCheck(t, proj, "")
			first := runFix(t, proj, rule, unsafe)
			if len(first.Files) == 0 {
				t.Fatal("nothing was fixed")
			}
			for _, f := range first.Files {
				if f.Refused != "" {
					t.Errorf("%s: refused: %s", filepath.Base(f.Path), f.Refused)
				}
				golden := filepath.Join(fixed, filepath.Base(f.Path))
				if *update {
					if err := os.WriteFile(golden, f.After, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("no golden file %s (run go test ./server/internal/fix -update and review it)", golden)
				}
				if !bytes.Equal(f.After, want) {
					t.Errorf("%s differs from its golden file:\n%s", filepath.Base(f.Path), udiff.Unified("golden", "got", string(want), string(f.After)))
				}
				if _, err := migration.Parse(context.Background(), f.Path, f.After); err != nil {
					t.Errorf("fixed file does not parse: %v", err)
				}
				checkOnlyEditedLines(t, f, edits[f.Path])
			}
			// the fixed rule no longer fires and nothing new appears
			if err := first.Write(); err != nil {
				t.Fatal(err)
			}
			after := runCheck(t, proj, "")
			for _, d := range after.Findings {
				if d.Rule == rule && fixable(d, unsafe) {
					t.Errorf("after the fix %s still fires: %s:%d %s", rule, filepath.Base(d.Path), d.Span.StartLine, d.Message)
				}
			}
			for key := range findingKeys(after) {
				if !findingKeys(before)[key] {
					t.Errorf("new finding after writing the fix: %s", key)
				}
			}
			// fixing twice equals fixing once
			second := runFix(t, proj, rule, unsafe)
			for _, f := range second.Files {
				if !bytes.Equal(f.Before, f.After) {
					t.Errorf("a second fix changed %s again:\n%s", filepath.Base(f.Path), udiff.Unified("once", "twice", string(f.Before), string(f.After)))
				}
			}
		})
	}
}

func fixable(d rules.Diagnostic, unsafe bool) bool {
	return d.Fixable(unsafe)
}

func findingKeys(res *check.Result) map[string]bool {
	out := map[string]bool{}
	for _, d := range res.Findings {
		out[filepath.Base(d.Path)+" "+d.Rule+" "+d.Message] = true
	}
	return out
}

// checkOnlyEditedLines: every line of the original that no fix edit touches is
// still in the fixed file, in the same order.
func checkOnlyEditedLines(t *testing.T, f *File, edits []edit.TextEdit) {
	t.Helper()
	after := strings.Split(string(f.After), "\n")
	at, start := 0, 0
	for _, line := range strings.SplitAfter(string(f.Before), "\n") {
		end := start + len(line)
		touched := false
		for _, e := range edits {
			touched = touched || (e.Start < end && start < e.End) || (e.Start == e.End && start <= e.Start && e.Start < end)
		}
		start = end
		if touched || strings.TrimSpace(line) == "" {
			continue
		}
		want := strings.TrimSuffix(line, "\n")
		for at < len(after) && after[at] != want {
			at++
		}
		if at == len(after) {
			t.Errorf("%s: the fix removed or moved the untouched line %q", filepath.Base(f.Path), want)
			return
		}
	}
}

// fixEdits are the edits of every fix on offer before fixing, per file: later
// rounds re-apply the ones that overlapped, on the same lines.
func fixEdits(t *testing.T, proj *project.Project, rule string, unsafe bool) map[string][]edit.TextEdit {
	t.Helper()
	out := map[string][]edit.TextEdit{}
	for _, d := range runCheck(t, proj, rule).Findings {
		if fixable(d, unsafe) {
			out[d.Path] = append(out[d.Path], d.Fix.Edits...)
		}
	}
	return out
}

func copyProject(t *testing.T, dir string) *project.Project {
	t.Helper()
	root := t.TempDir()
	versions := filepath.Join(root, "migrations", "versions")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		t.Fatal(err)
	}
	ini := "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql+psycopg2://u:p@localhost/db\n"
	if b, err := os.ReadFile(filepath.Join(dir, "dialect")); err == nil {
		ini = strings.Replace(ini, "postgresql+psycopg2", strings.TrimSpace(string(b)), 1)
	}
	if err := os.WriteFile(filepath.Join(root, "alembic.ini"), []byte(ini), 0o644); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(versions, filepath.Base(f))
		if filepath.Base(f) == "env.py" {
			to = filepath.Join(root, "migrations", "env.py")
		}
		if err := os.WriteFile(to, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// the application's code (the naming convention env.py imports)
	dirs, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, d := range dirs {
		if info, err := os.Stat(d); err == nil && info.IsDir() && filepath.Base(d) != "fixed" {
			if err := os.CopyFS(filepath.Join(root, filepath.Base(d)), os.DirFS(d)); err != nil {
				t.Fatal(err)
			}
		}
	}
	proj, err := project.Find(root)
	if err != nil {
		t.Fatal(err)
	}
	return proj
}

// runFix applies the fixes of one rule.
func runFix(t *testing.T, proj *project.Project, rule string, unsafe bool) *Result {
	t.Helper()
	res, err := Compute(context.Background(), proj, Options{Unsafe: unsafe, Check: check.Options{Select: []string{rule}}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// runCheck runs one rule, or every rule of the zero-downtime profile for "".
func runCheck(t *testing.T, proj *project.Project, rule string) *check.Result {
	t.Helper()
	opts := check.Options{Profile: "zero-downtime"}
	if rule != "" {
		opts.Select = []string{rule}
	}
	res, err := check.Run(context.Background(), proj, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
