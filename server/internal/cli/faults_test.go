package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPathsOutsideTheProject: `check /dev/null --project P` reported
// nothing and exited 0, as if the file were fine; so did a file of P that is
// no revision file, and a directory unrelated to P.
func TestPathsOutsideTheProject(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders}, "")
	must(t, os.WriteFile(filepath.Join(dir, "models.py"), []byte("x = 1\n"), 0o644))
	other := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check", "/dev/null", "--project", dir}, "/dev/null is not a revision file of the project " + dir},
		{[]string{"check", "models.py"}, "models.py is not a revision file of the project"},
		{[]string{"check", other, "--project", dir}, other + " is outside the project " + dir},
		{[]string{"fix", "/dev/null", "--project", dir}, "/dev/null is not a revision file of the project"},
	}
	for _, c := range cases {
		if _, errOut, code := run(t, dir, c.args...); code != ExitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stderr %q", c.args, code, errOut)
		}
	}
	// the project's own directories are fine
	for _, arg := range []string{".", "migrations", filepath.Dir(dir)} {
		if _, errOut, code := run(t, dir, "check", arg, "--project", dir); code != ExitFindings {
			t.Errorf("check %s: exit %d: %s", arg, code, errOut)
		}
	}
}

// revisionFile is a revision without operations.
func revisionFile(id, down string) string {
	return "revision = \"" + id + "\"\ndown_revision = " + down + "\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n"
}

// TestReviewOfACycle: a revision in a cycle was reviewed as "0 revision(s)"
// with exit 0; `review all` left the cycle out without a word.
func TestReviewOfACycle(t *testing.T) {
	dir := newProject(t, map[string]string{
		"a.py": revisionFile("a", `"c"`), "b.py": revisionFile("b", `"a"`), "c.py": revisionFile("c", `"b"`),
		"z.py": revisionFile("z", "None"),
	}, "")
	out, errOut, code := run(t, dir, "review", "a")
	if code != ExitUsage || !strings.Contains(errOut, "a: not reviewed, in or above a revision cycle: a (migrations/versions/a.py)") {
		t.Errorf("review a: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = run(t, dir, "review", "all")
	if code != ExitOK || !strings.Contains(out, "not reviewed, in or above a revision cycle: a (migrations/versions/a.py), b (migrations/versions/b.py), c (migrations/versions/c.py)") {
		t.Errorf("review all: exit %d\n%s", code, out)
	}
}

// TestReviewOfADuplicatedID: `review <id>` silently picked one of the two
// files declaring the id.
func TestReviewOfADuplicatedID(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders, "0001_copy.py": orders + "\n# a copy\n"}, "")
	out, errOut, code := run(t, dir, "review", "0001")
	if code != ExitOK || !strings.Contains(out, "revision 0001 is reviewed from migrations/versions/0001_copy.py; migrations/versions/0001_orders.py declares the same id and is not reviewed") {
		t.Errorf("review 0001: exit %d\n%s%s", code, out, errOut)
	}
	_, errOut, code = run(t, dir, "review", "migrations/versions/0001_orders.py")
	if code != ExitUsage || !strings.Contains(errOut, `declares revision "0001", which `+filepath.Join(dir, "migrations/versions/0001_copy.py")+" declares too") {
		t.Errorf("review of the second file: exit %d: %s", code, errOut)
	}
}

// TestUnknownRuleNamesTheSettingsFile: an unknown rule under
// [tool.alembic-patterns.severity] was reported without saying where it was.
func TestUnknownRuleNamesTheSettingsFile(t *testing.T) {
	for key, toml := range map[string]string{
		"[tool.alembic-patterns.severity]":  "[tool.alembic-patterns.severity]\nno-such-rule = \"off\"\n",
		"select of [tool.alembic-patterns]": "[tool.alembic-patterns]\nselect = [\"no-such-rule\"]\n",
		"ignore of [tool.alembic-patterns]": "[tool.alembic-patterns]\nignore = [\"no-such-rule\"]\n",
	} {
		dir := newProject(t, map[string]string{"0001_orders.py": orders}, toml)
		want := filepath.Join(dir, "pyproject.toml") + `: unknown rule "no-such-rule" in ` + key
		if _, errOut, code := run(t, dir, "check"); code != ExitUsage || !strings.Contains(errOut, want) {
			t.Errorf("exit %d: %q, want %q", code, errOut, want)
		}
	}
	if _, errOut, _ := run(t, newProject(t, map[string]string{"0001_orders.py": orders}, ""), "check", "--select", "nope"); !strings.Contains(errOut, `alembic-patterns: unknown rule "nope"`) {
		t.Errorf("--select: %q", errOut)
	}
}
