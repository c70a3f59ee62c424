package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixWritesOnlyInsideTheProject: a versions directory that is a symlink
// to another project's is read, but fix writes there only when asked.
func TestFixWritesOnlyInsideTheProject(t *testing.T) {
	other := t.TempDir()
	outsideFile := filepath.Join(other, "versions", "0001_orders.py")
	must(t, os.MkdirAll(filepath.Dir(outsideFile), 0o755))
	must(t, os.WriteFile(outsideFile, []byte(orders), 0o644))
	dir := newProject(t, nil, "")
	versions := filepath.Join(dir, "migrations", "versions")
	must(t, os.Remove(versions))
	must(t, os.Symlink(filepath.Join(other, "versions"), versions))

	_, stderr, code := run(t, dir, "fix")
	if code != ExitFindings || !strings.Contains(stderr, "outside the project") || !strings.Contains(stderr, "--allow-outside-project") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(outsideFile); string(got) != orders {
		t.Fatalf("written outside the project:\n%s", got)
	}
	if _, stderr, code = run(t, dir, "fix", "--allow-outside-project"); code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(outsideFile); !strings.Contains(string(got), "checkfirst=True") {
		t.Fatalf("not fixed with --allow-outside-project:\n%s", got)
	}
}
