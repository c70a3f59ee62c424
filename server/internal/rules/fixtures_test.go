package rules

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pyscope"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
)

// Fixtures live in testdata/<rule-id>/<case>/*.py; each case directory is one
// script directory (a history). Expected findings are written in the fixture as
//
//	op.drop_table("orders")  # expect[enum-type-not-dropped]: not dropped
//	op.create_foreign_key(None, ...)  # expect[unnamed-constraint:warning]: no name
//
// (the text after the colon must appear in the message; the severity, when not
// given, is the rule's default). A line may hold several expectations, one per
// finding: a rule that reports the same finding twice fails. Cases whose name
// starts with "ok" must produce no finding. A case may hold a file "dialect"
// with the dialect name (default postgresql; "postgresql assumed" when
// nothing told it), "pg-version" and "sqlite-version". A case may hold an
// env.py (not a revision) and the application's code in subdirectories: the
// naming convention is read from them as for a project.
var expectPattern = regexp.MustCompile(`#\s*expect\[([a-z0-9-]+)(?::(error|warning|info))?\](?::\s*((?:[^#]|#[^ ]|# [^e]|# e[^x])*))?`)

type expectation struct {
	file, rule, text string
	severity         Severity
	line             int
}

func runFixtures(t *testing.T, ruleID string) {
	t.Helper()
	rule, ok := Get(ruleID)
	if !ok {
		t.Fatalf("rule %s is not registered", ruleID)
	}
	cases, err := filepath.Glob(filepath.Join("testdata", ruleID, "*"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no fixtures for %s in testdata/%s", ruleID, ruleID)
	}
	positive, negative := 0, 0
	for _, dir := range cases {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			want := expectations(t, dir)
			if strings.HasPrefix(name, "ok") {
				negative++
				if len(want) > 0 {
					t.Fatalf("case %s is named ok* but expects findings", name)
				}
			} else {
				positive++
				if len(want) == 0 {
					t.Fatalf("case %s expects no finding: name it ok_*", name)
				}
			}
			got := RunOn(t, dir, rule)
			compare(t, want, got)
			checkSafeFixes(t, dir, rule, got)
		})
	}
	if positive == 0 || negative == 0 {
		t.Errorf("%s needs at least one firing case and one ok_* case (have %d and %d)", ruleID, positive, negative)
	}
}

// RunOn loads a fixture directory and runs one rule on it.
func RunOn(t *testing.T, dir string, rule *Rule) []Diagnostic {
	t.Helper()
	files := slices.DeleteFunc(project.FilesIn(dir), func(f string) bool { return filepath.Base(f) == "env.py" })
	loaded := history.Load(context.Background(), dir, files, nil)
	for _, e := range loaded.Errors {
		t.Fatalf("fixture does not parse: %v", e)
	}
	env := Target{Dialect: "postgresql", DialectCertain: true}
	if b, err := os.ReadFile(filepath.Join(dir, "dialect")); err == nil {
		d, assumed := strings.CutSuffix(strings.TrimSpace(string(b)), " assumed")
		env.Dialect, env.DialectCertain = d, !assumed
	}
	if b, err := os.ReadFile(filepath.Join(dir, "pg-version")); err == nil {
		env.PostgresVersion, _ = strconv.Atoi(strings.TrimSpace(string(b)))
	}
	if b, err := os.ReadFile(filepath.Join(dir, "sqlite-version")); err == nil {
		env.SQLiteVersion = strings.TrimSpace(string(b))
	}
	loaded.Graph.Naming = naming.Namer{Convention: naming.Read(context.Background(), dir, dir, dir), Dialect: env.Dialect}
	var got []Diagnostic
	Run(loaded.Graph, []*Rule{rule}, env, nil, func(d Diagnostic) { got = append(got, d) })
	return got
}

func expectations(t *testing.T, dir string) []expectation {
	files, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	var out []expectation
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, m := range expectPattern.FindAllStringSubmatch(line, -1) {
				sev := Severity(m[2])
				if sev == "" {
					if r, ok := Get(m[1]); ok {
						sev = r.Severity
					}
				}
				out = append(out, expectation{file: f, line: i + 1, rule: m[1], severity: sev, text: strings.TrimSpace(m[3])})
			}
		}
	}
	return out
}

// compare pairs every expectation with one finding on its line (by message
// text) and fails on findings left over, duplicates included.
func compare(t *testing.T, want []expectation, got []Diagnostic) {
	t.Helper()
	key := func(file, rule string, line int) string {
		return filepath.Base(file) + ":" + strconv.Itoa(line) + ":" + rule
	}
	gotByKey := map[string][]Diagnostic{}
	for _, d := range got {
		k := key(d.Path, d.Rule, d.Span.StartLine)
		gotByKey[k] = append(gotByKey[k], d)
	}
	for _, w := range want {
		k := key(w.file, w.rule, w.line)
		ds := gotByKey[k]
		i := slices.IndexFunc(ds, func(d Diagnostic) bool { return strings.Contains(d.Message, w.text) })
		if i < 0 {
			if len(ds) == 0 {
				t.Errorf("missing finding %s", k)
			} else {
				t.Errorf("%s: no message contains %q (got %q)", k, w.text, ds[0].Message)
			}
			continue
		}
		if ds[i].Severity != w.severity {
			t.Errorf("%s: severity %s, want %s", k, ds[i].Severity, w.severity)
		}
		gotByKey[k] = slices.Delete(ds, i, i+1)
	}
	var extra []string
	for k, ds := range gotByKey {
		for _, d := range ds {
			extra = append(extra, k+" "+d.Message)
		}
	}
	sort.Strings(extra)
	for _, e := range extra {
		t.Errorf("unexpected finding %s", e)
	}
}

// checkSafeFixes applies every safe fix of the case to a copy of the fixture and
// checks the copy parses, the code the fixes write uses only names bound where
// it goes, and the rule no longer fires there.
func checkSafeFixes(t *testing.T, dir string, rule *Rule, got []Diagnostic) {
	t.Helper()
	byFile := map[string][]TextEdit{}
	for _, d := range got {
		if d.Fixable(false) {
			byFile[filepath.Base(d.Path)] = append(byFile[filepath.Base(d.Path)], d.Fix.Edits...)
		}
	}
	if len(byFile) == 0 {
		return
	}
	fixed := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && info.IsDir() {
			if filepath.Base(f) != "fixed" {
				if err := os.CopyFS(filepath.Join(fixed, filepath.Base(f)), os.DirFS(f)); err != nil {
					t.Fatal(err)
				}
			}
			continue // the application's code
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if edits := byFile[filepath.Base(f)]; edits != nil {
			var written []edit.Range
			if src, written, err = edit.Apply(src, edits); err != nil {
				t.Fatalf("fix for %s: %v", f, err)
			}
			unbound, err := pyscope.Unbound(context.Background(), src, written)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range unbound {
				t.Errorf("the safe fixes of %s use %s on line %d, which is not bound there:\n%s", filepath.Base(f), u.Name, u.Line, src)
			}
		}
		if err := os.WriteFile(filepath.Join(fixed, filepath.Base(f)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range RunOn(t, fixed, rule) {
		if len(byFile[filepath.Base(d.Path)]) > 0 {
			t.Errorf("after the safe fixes %s still reports %s:%d: %s", rule.ID, filepath.Base(d.Path), d.Span.StartLine, d.Message)
		}
	}
}
