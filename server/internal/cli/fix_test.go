package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
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

// TestFixReportsFilesNotWritten: the files written are listed as fixed, the
// ones that could not be written are named, and the exit status is 2.
func TestFixReportsFilesNotWritten(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders}, "")
	more := filepath.Join(dir, "migrations", "more")
	must(t, os.MkdirAll(more, 0o755))
	must(t, os.WriteFile(filepath.Join(more, "0002_items.py"), []byte(items), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "alembic.ini"), []byte("[alembic]\nscript_location = %(here)s/migrations\n"+
		"version_locations = %(here)s/migrations/versions %(here)s/migrations/more\nsqlalchemy.url = postgresql://u:p@h/db\n"), 0o644))
	testenv.Unwritable(t, more)
	stdout, stderr, code := run(t, dir, "fix")
	if code != ExitUsage || !strings.Contains(stdout, "fixed migrations/versions/0001_orders.py") || strings.Contains(stdout, "0002_items") ||
		!strings.Contains(stderr, "could not be written to 1 of 2 files: migrations/more/0002_items.py") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestFixPathsMustBeRevisionFiles: a PATH that is no revision file of the
// --project is an error, not silently nothing to fix; a revision file named
// through a symlink is the revision it links to.
func TestFixPathsMustBeRevisionFiles(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders}, "")
	outside := filepath.Join(t.TempDir(), "0001_orders.py")
	must(t, os.WriteFile(outside, []byte(orders), 0o644))
	for _, path := range []string{outside, filepath.Join(dir, "alembic.ini")} {
		_, stderr, code := run(t, dir, "fix", path, "--project", dir)
		if code != ExitUsage || !strings.Contains(stderr, "is not a revision file of the project") {
			t.Errorf("fix %s: exit %d, stderr:\n%s", path, code, stderr)
		}
	}
	if got, _ := os.ReadFile(outside); string(got) != orders {
		t.Fatalf("written outside the project:\n%s", got)
	}
	shared := filepath.Join(dir, "shared", "items.py")
	must(t, os.MkdirAll(filepath.Dir(shared), 0o755))
	must(t, os.WriteFile(shared, []byte(items), 0o644))
	link := filepath.Join(dir, "migrations", "versions", "0002_items.py")
	must(t, os.Symlink(shared, link))
	if _, stderr, code := run(t, dir, "fix", link, "--project", dir); code != ExitOK {
		t.Fatalf("fix %s: exit %d, stderr:\n%s", link, code, stderr)
	}
	if got, _ := os.ReadFile(shared); !strings.Contains(string(got), "checkfirst=True") {
		t.Fatalf("the linked revision was not fixed:\n%s", got)
	}
}

// TestCountsAgree: counts of one say so ("1 fix", "1 finding remains"), in
// fix's summary and in check's.
func TestCountsAgree(t *testing.T) {
	noDowngrade := strings.NewReplacer(`sa.Enum("a", "b", name="item_kind")`, "sa.Integer()", `op.drop_table("items")`, "pass").Replace(items)
	dir := newProject(t, map[string]string{"0001_orders.py": orders, "0002_tags.py": noDowngrade}, "")
	_, stderr, _ := run(t, dir, "fix", "--diff")
	if !strings.Contains(stderr, "would apply 1 fix; 1 finding remains (run `alembic-patterns check`)") {
		t.Errorf("fix --diff:\n%s", stderr)
	}
	out, _, _ := run(t, dir, "check", "--select", "downgrade-missing")
	if !strings.Contains(out, "1 problem (1 warning) in 2 revision files.") {
		t.Errorf("check:\n%s", out)
	}
}
