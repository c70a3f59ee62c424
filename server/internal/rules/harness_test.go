package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pyscope"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// Fixtures live in testdata/<rule-id>/<case>/*.py; each case directory is one
// script directory (a history). Expected findings are written in the fixture as
//
//	op.drop_table("orders")  # expect[enum-type-not-dropped]: not dropped
//	op.create_foreign_key(None, ...)  # expect[unnamed-constraint:warning]: no name
//
// (the text after the colon must appear in the message; text after "help:"
// must appear in the help, as in `# expect[rule]: no name help: it fails`, and
// must end it when it ends with "$", as in `help: IS NULL")$`; the
// severity, when not given, is the rule's default). Each expectation consumes exactly one finding:
// a line may hold several, one per finding, and a finding left over fails the
// case, so a rule that reports the same finding twice fails. Cases whose name
// starts with "ok" must produce no finding, the others at least one, and every
// rule has both kinds.
//
// A case may hold a file "dialect" with the dialect name (default postgresql;
// "postgresql assumed" when nothing told it), "also" (the other dialects the
// project runs on), "pg-version" and "sqlite-version". A case may hold an env.py (not a revision) and the
// application's code in subdirectories: the naming convention is read from
// them as for a project.
//
// A case with a fixed/ directory is also a golden test of `fix` (with --unsafe
// when the case has a file named "unsafe"): see golden_test.go.
var expectPattern = regexp.MustCompile(`#\s*expect\[([a-z0-9-]+)(?::(error|warning|info))?\](?::\s*((?:[^#]|#[^ ]|# [^e]|# e[^x])*))?`)

type expectation struct {
	file, rule, text, help string
	severity               rules.Severity
	line                   int
}

// helpPattern splits an expectation's text from the part the help must hold.
var helpPattern = regexp.MustCompile(`(?:^|\s)help:\s*`)

// fixtureCase is one case directory of a rule and what it expects.
type fixtureCase struct {
	rule string
	dir  string
	want []expectation
}

// registered is the case's rule as registered now (a test may mutate it).
func (c fixtureCase) registered() *rules.Rule {
	r, _ := rules.Get(c.rule)
	return r
}

func (c fixtureCase) name() string { return filepath.Base(c.dir) }

func (c fixtureCase) quiet() bool { return strings.HasPrefix(c.name(), "ok") }

// TestRules runs every registered rule on its fixtures: no rule can be left
// without them.
func TestRules(t *testing.T) {
	for _, rule := range rules.All() {
		t.Run(rule.ID, func(t *testing.T) {
			cases := fixtureCases(t, rule)
			firing := slices.IndexFunc(cases, func(c fixtureCase) bool { return !c.quiet() }) >= 0
			quiet := slices.IndexFunc(cases, fixtureCase.quiet) >= 0
			if !firing || !quiet {
				t.Errorf("%s needs at least one firing case and one ok_* case in testdata/%s", rule.ID, rule.ID)
			}
			var firings [][]rules.Diagnostic
			for _, c := range cases {
				t.Run(c.name(), func(t *testing.T) {
					got := c.findings(t)
					if !c.quiet() {
						firings = append(firings, got)
					}
					for _, p := range c.findingProblems(t, got) {
						t.Error(p)
					}
					if hasGolden(c) {
						for _, p := range c.fixProblems(t, "\n") {
							t.Error("fix: " + p)
						}
						for _, p := range c.fixProblems(t, "\r\n") {
							t.Error("fix with CRLF line endings: " + p)
						}
					}
				})
			}
			if p := fixAvailabilityProblem(rule, firings); p != "" {
				t.Error(p)
			}
		})
	}
}

// fixAvailabilityProblem holds a rule to the fix availability it declares,
// over the findings of its firing cases: a rule that never fixes has no
// finding with a fix, one that always fixes none without, and one that
// sometimes fixes shows both.
func fixAvailabilityProblem(rule *rules.Rule, firings [][]rules.Diagnostic) string {
	with, without := 0, 0
	for _, got := range firings {
		for _, d := range got {
			if d.Rule != rule.ID {
				continue
			}
			if d.Fix != nil {
				with++
			} else {
				without++
			}
		}
	}
	ok := false
	switch rule.Fix {
	case rules.FixAlways:
		ok = without == 0
	case rules.FixSometimes:
		ok = with > 0 && without > 0
	case rules.FixNever:
		ok = with == 0
	}
	if ok {
		return ""
	}
	return fmt.Sprintf("%s declares fix availability %q, but its firing cases have %d findings with a fix and %d without",
		rule.ID, rule.Fix, with, without)
}

// fixtureCases reads the cases of a rule and checks that their names say
// whether they fire.
func fixtureCases(t *testing.T, rule *rules.Rule) []fixtureCase {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join("testdata", rule.ID, "*"))
	var cases []fixtureCase
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		c := fixtureCase{rule: rule.ID, dir: dir, want: expectations(t, dir)}
		switch {
		case c.quiet() && len(c.want) > 0:
			t.Errorf("case %s is named ok* but expects findings", dir)
		case !c.quiet() && len(c.want) == 0:
			t.Errorf("case %s expects no finding: name it ok_*", dir)
		}
		cases = append(cases, c)
	}
	return cases
}

func expectations(t *testing.T, dir string) []expectation {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	var out []expectation
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, m := range expectPattern.FindAllStringSubmatch(line, -1) {
				sev := rules.Severity(m[2])
				if sev == "" {
					if r, ok := rules.Get(m[1]); ok {
						sev = r.Severity
					}
				}
				text, help := strings.TrimSpace(m[3]), ""
				if loc := helpPattern.FindStringIndex(text); loc != nil {
					text, help = strings.TrimSpace(text[:loc[0]]), strings.TrimSpace(text[loc[1]:])
				}
				out = append(out, expectation{file: f, line: i + 1, rule: m[1], severity: sev, text: text, help: help})
			}
		}
	}
	return out
}

// problems runs the case's rule and says what is wrong: findings that differ
// from the expectations, and safe fixes that leave the rule firing.
func (c fixtureCase) problems(t *testing.T) []string {
	t.Helper()
	return c.findingProblems(t, c.findings(t))
}

// findingProblems says what is wrong with the case's findings.
func (c fixtureCase) findingProblems(t *testing.T, got []rules.Diagnostic) []string {
	t.Helper()
	return slices.Concat(compare(c.want, got), messageProblems(got), c.safeFixProblems(t, got))
}

// maxMessage is how long a finding's message may be, in characters, with
// every quoted name or code echo ("users", `session.query(User)`) counted as
// at most maxEcho: the names come from the user's code and may be long, the
// words around them may not.
const (
	maxMessage = 120
	maxEcho    = 20
)

// echoPattern finds what a message quotes from the code.
var echoPattern = regexp.MustCompile("\"[^\"]*\"|`[^`]*`")

// messageProblems checks how findings are worded, as ruff words them: the
// message is one line that says what and where (no closing period), and the
// help says why.
func messageProblems(got []rules.Diagnostic) []string {
	var problems []string
	for _, d := range got {
		at := filepath.Base(d.Path) + ":" + strconv.Itoa(int(d.Span.StartLine)) + ":" + d.Rule
		words := echoPattern.ReplaceAllStringFunc(d.Message, func(echo string) string {
			if r := []rune(echo); len(r) > maxEcho {
				return string(r[:maxEcho])
			}
			return echo
		})
		switch {
		case strings.ContainsAny(d.Message, "\r\n"):
			problems = append(problems, at+": the message is not one line: "+strconv.Quote(d.Message))
		case utf8.RuneCountInString(words) > maxMessage:
			problems = append(problems, fmt.Sprintf("%s: the message has %d characters (names counted as at most %d), over %d: %q",
				at, utf8.RuneCountInString(words), maxEcho, maxMessage, d.Message))
		case strings.HasSuffix(d.Message, "."):
			problems = append(problems, at+": the message ends with a period: "+strconv.Quote(d.Message))
		}
		if strings.TrimSpace(d.Help) == "" {
			problems = append(problems, at+": no help (why it fails, what to do): "+strconv.Quote(d.Message))
		}
	}
	return problems
}

// findings runs the case's rule. A rule on suppression comments judges what
// the comments silenced among the findings of every rule, which check works
// out: its cases run through check.
func (c fixtureCase) findings(t *testing.T) []rules.Diagnostic {
	t.Helper()
	rule := c.registered()
	if rule.CheckSuppressions == nil {
		return rules.RunOn(t, c.dir, rule)
	}
	return c.checkFindings(t)
}

// checkFindings runs check on a project made of the case and keeps the
// findings of its rule (a rule on suppression comments runs with every rule).
func (c fixtureCase) checkFindings(t *testing.T) []rules.Diagnostic {
	t.Helper()
	only := c.rule
	if c.registered().CheckSuppressions != nil {
		only = ""
	}
	all := runCheck(t, copyProject(t, c.dir, "\n"), only).Findings
	return slices.DeleteFunc(all, func(d rules.Diagnostic) bool { return d.Rule != c.rule })
}

// compare pairs every expectation with one finding on its line (by message
// text) and reports the expectations left without one and the findings left
// over, duplicates included.
func compare(want []expectation, got []rules.Diagnostic) []string {
	key := func(file, rule string, line int) string {
		return filepath.Base(file) + ":" + strconv.Itoa(line) + ":" + rule
	}
	gotByKey := map[string][]rules.Diagnostic{}
	for _, d := range got {
		k := key(d.Path, d.Rule, int(d.Span.StartLine))
		gotByKey[k] = append(gotByKey[k], d)
	}
	var problems []string
	for _, w := range want {
		k := key(w.file, w.rule, w.line)
		ds := gotByKey[k]
		i := slices.IndexFunc(ds, func(d rules.Diagnostic) bool {
			return strings.Contains(d.Message, w.text) && helpMatches(d.Help, w.help)
		})
		if i < 0 {
			if len(ds) == 0 {
				problems = append(problems, "missing finding "+k)
			} else {
				problems = append(problems, k+": no message contains "+strconv.Quote(w.text)+" with a help that contains "+
					strconv.Quote(w.help)+" (got "+strconv.Quote(ds[0].Message)+", help "+strconv.Quote(ds[0].Help)+")")
			}
			continue
		}
		if ds[i].Severity != w.severity {
			problems = append(problems, k+": severity "+string(ds[i].Severity)+", want "+string(w.severity))
		}
		gotByKey[k] = slices.Delete(ds, i, i+1)
	}
	var extra []string
	for k, ds := range gotByKey {
		for _, d := range ds {
			extra = append(extra, "unexpected finding "+k+" "+d.Message)
		}
	}
	slices.Sort(extra)
	return append(problems, extra...)
}

// safeFixProblems applies every safe fix of the case to a copy of the fixture
// and checks that the copy parses, that the code the fixes write uses only
// names bound where it goes, and that the rule no longer fires where it was
// fixed.
func (c fixtureCase) safeFixProblems(t *testing.T, got []rules.Diagnostic) []string {
	t.Helper()
	byFile := map[string][]edit.TextEdit{}
	for _, d := range got {
		if d.Fixable(false) {
			byFile[filepath.Base(d.Path)] = append(byFile[filepath.Base(d.Path)], d.Fix.Edits...)
		}
	}
	if len(byFile) == 0 {
		return nil
	}
	fixed := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(c.dir, "*"))
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && info.IsDir() {
			if filepath.Base(f) != "fixed" { // the application's code
				if err := os.CopyFS(filepath.Join(fixed, filepath.Base(f)), os.DirFS(f)); err != nil {
					t.Fatal(err)
				}
			}
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if edits := byFile[filepath.Base(f)]; edits != nil {
			var written []edit.Range
			if src, written, err = edit.Apply(src, edits); err != nil {
				return []string{"safe fix for " + filepath.Base(f) + ": " + err.Error()}
			}
			if _, err := migration.Parse(context.Background(), f, src); err != nil {
				return []string{"after the safe fixes " + filepath.Base(f) + " does not parse: " + err.Error()}
			}
			unbound, err := pyscope.Unbound(context.Background(), src, written)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range unbound {
				return []string{"the safe fixes of " + filepath.Base(f) + " use " + u.Name + " on line " + strconv.Itoa(u.Line) + ", which is not bound there"}
			}
		}
		if err := os.WriteFile(filepath.Join(fixed, filepath.Base(f)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var problems []string
	for _, d := range rules.RunOn(t, fixed, c.registered()) {
		if len(byFile[filepath.Base(d.Path)]) > 0 {
			problems = append(problems, "after the safe fixes "+c.rule+" still reports "+filepath.Base(d.Path)+":"+strconv.Itoa(int(d.Span.StartLine))+": "+d.Message)
		}
	}
	return problems
}

// helpMatches reports whether a help holds the text expected of it (ends
// with it, when the expectation ends with "$").
func helpMatches(help, want string) bool {
	if end, ok := strings.CutSuffix(want, "$"); ok {
		return strings.HasSuffix(help, end)
	}
	return strings.Contains(help, want)
}
