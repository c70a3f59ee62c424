package rules_test

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
	"github.com/alembic-patterns/alembic-patterns/server/internal/fix"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

var update = flag.Bool("update", false, "rewrite the golden fixed/ files of the fixtures")

// hasGolden: the case's fixed/ directory holds the expected result of `fix`
// for each file it changes.
func hasGolden(c fixtureCase) bool {
	info, err := os.Stat(filepath.Join(c.dir, "fixed"))
	return err == nil && info.IsDir()
}

// fixProblems runs `fix` for the case's rule (with --unsafe when the case has
// a file named "unsafe") on a project made of the case, its files with the
// given line ending, and says what is wrong: check reports other findings of
// the rule than the case expects; a fixed file differs from its golden copy,
// does not parse, or lost a line no edit touched; after writing, the rule
// still offers a fix or another rule reports something new; fixing again
// changes the files.
func (c fixtureCase) fixProblems(t *testing.T, eol string) []string {
	t.Helper()
	_, err := os.Stat(filepath.Join(c.dir, "unsafe"))
	unsafe := err == nil
	proj := copyProject(t, c.dir, eol)
	found := runCheck(t, proj, c.rule).Findings
	problems := compare(c.want, found)
	before := runCheck(t, proj, "")
	first, err := runFix(proj, c.rule, unsafe)
	if err != nil {
		return append(problems, err.Error())
	}
	if len(first.Files) == 0 {
		return append(problems, "nothing was fixed")
	}
	edits := map[string][]edit.TextEdit{}
	for _, d := range found {
		if d.Fixable(unsafe) {
			edits[d.Path] = append(edits[d.Path], d.Fix.Edits...)
		}
	}
	for _, f := range first.Files {
		name := filepath.Base(f.Path)
		if f.Refused != "" {
			problems = append(problems, name+": refused: "+f.Refused)
		}
		golden := filepath.Join(c.dir, "fixed", name)
		if *update && eol == "\n" {
			if err := os.WriteFile(golden, f.After, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			problems = append(problems, "no golden file "+golden+" (run go test ./server/internal/rules -run TestRules -update and review it)")
			continue
		}
		if want = bytes.ReplaceAll(want, []byte("\n"), []byte(eol)); !bytes.Equal(f.After, want) {
			problems = append(problems, name+" differs from its golden file:\n"+udiff.Unified("golden", "got", string(want), string(f.After)))
		}
		if _, err := migration.Parse(context.Background(), f.Path, f.After); err != nil {
			problems = append(problems, "fixed file does not parse: "+err.Error())
		}
		problems = append(problems, untouchedLinesLost(f, edits[f.Path])...)
	}
	if err := first.Write(); err != nil {
		t.Fatal(err)
	}
	after := runCheck(t, proj, "")
	for _, d := range after.Findings {
		if d.Rule == c.rule && d.Fixable(unsafe) {
			problems = append(problems, "after the fix "+c.rule+" still fires: "+filepath.Base(d.Path)+": "+d.Message)
		}
	}
	known := findingKeys(before, c.rule)
	for key, n := range findingKeys(after, c.rule) {
		if n > known[key] {
			problems = append(problems, "new finding after writing the fix: "+key)
		}
	}
	second, err := runFix(proj, c.rule, unsafe)
	if err != nil {
		return append(problems, err.Error())
	}
	for _, f := range second.Files {
		if !bytes.Equal(f.Before, f.After) {
			problems = append(problems, "a second fix changed "+filepath.Base(f.Path)+" again:\n"+udiff.Unified("once", "twice", string(f.Before), string(f.After)))
		}
	}
	return problems
}

// findingKeys counts findings as the fix engine compares them: those of the
// rule being fixed by file and message, the others by file, rule and
// severity (a fix may change what another finding says without adding one).
func findingKeys(res *check.Result, fixing string) map[string]int {
	out := map[string]int{}
	for _, d := range res.Findings {
		what := string(d.Severity)
		if d.Rule == fixing {
			what = d.Message
		}
		out[filepath.Base(d.Path)+" "+d.Rule+" "+what]++
	}
	return out
}

// untouchedLinesLost: every line of the original that no fix edit touches
// must still be in the fixed file, in the same order.
func untouchedLinesLost(f *fix.File, edits []edit.TextEdit) []string {
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
			return []string{filepath.Base(f.Path) + ": the fix removed or moved the untouched line " + want}
		}
	}
	return nil
}

// copyProject makes an Alembic project of a fixture case: its revision files
// (with the given line ending) in migrations/versions, its env.py in
// migrations, its application code at the root, and an alembic.ini whose URL
// names the case's dialect.
func copyProject(t *testing.T, dir, eol string) *project.Project {
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
		if err := os.WriteFile(to, bytes.ReplaceAll(src, []byte("\n"), []byte(eol)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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

// runFix works out the fixes of one rule.
func runFix(proj *project.Project, rule string, unsafe bool) (*fix.Result, error) {
	return fix.Compute(context.Background(), proj, fix.Options{Unsafe: unsafe, Check: check.Options{Select: []string{rule}}})
}

// runCheck runs one rule, or every rule (the zero-downtime profile) for "".
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
