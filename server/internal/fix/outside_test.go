package fix

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// TestWritesStayInTheProject: an alembic.ini can aim the revision files at
// another project's (script_location, a versions directory that is a symlink,
// a location resolved against a parent directory). Those files are read, but
// fixes are written only inside the project: the repository holding the
// configuration, or without one the configuration's directory.
func TestWritesStayInTheProject(t *testing.T) {
	const ini = "[alembic]\nscript_location = %s\nsqlalchemy.url = postgresql://u:p@h/db\n"
	layouts := map[string]func(t *testing.T) (config, revision string){
		"absolute script_location": func(t *testing.T) (string, string) {
			other, dir := t.TempDir(), t.TempDir()
			write(t, filepath.Join(dir, "alembic.ini"), strings.ReplaceAll(ini, "%s", filepath.Join(other, "migrations")))
			return dir, filepath.Join(other, "migrations", "versions", "0001_orders.py")
		},
		"symlinked versions directory": func(t *testing.T) (string, string) {
			other, dir := t.TempDir(), t.TempDir()
			write(t, filepath.Join(other, "versions", "0001_orders.py"), ordersRevision)
			write(t, filepath.Join(dir, "migrations", "env.py"), "")
			if err := os.Symlink(filepath.Join(other, "versions"), filepath.Join(dir, "migrations", "versions")); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "alembic.ini"), strings.ReplaceAll(ini, "%s", "%(here)s/migrations"))
			return dir, filepath.Join(dir, "migrations", "versions", "0001_orders.py")
		},
		"script_location found above the configuration": func(t *testing.T) (string, string) {
			base := t.TempDir()
			dir := filepath.Join(base, "app")
			write(t, filepath.Join(dir, "alembic.ini"), strings.ReplaceAll(ini, "%s", "other/migrations"))
			return dir, filepath.Join(base, "other", "migrations", "versions", "0001_orders.py")
		},
	}
	for name, layout := range layouts {
		t.Run(name, func(t *testing.T) {
			dir, revision := layout(t)
			if _, err := os.Stat(revision); err != nil {
				write(t, revision, ordersRevision)
			}
			proj, err := project.Find(dir)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Compute(context.Background(), proj, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Files) != 1 || !strings.Contains(res.Files[0].Refused, "outside the project") {
				t.Fatalf("files: %+v", res.Files)
			}
			if d := res.Diff(proj.Root); d != "" {
				t.Errorf("diff of a file outside the project:\n%s", d)
			}
			if err := res.Write(); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(revision); string(got) != ordersRevision {
				t.Fatalf("a file outside the project was written:\n%s", got)
			}
			// the CLI's explicit opt-in
			res, err = Compute(context.Background(), proj, Options{AllowOutside: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := res.Write(); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(revision); !strings.Contains(string(got), "checkfirst=True") {
				t.Fatalf("not fixed with AllowOutside:\n%s", got)
			}
		})
	}
}

// TestWritesInsideTheRepository: in a git repository, a script directory
// elsewhere in the repository is the project's (alembic.ini in deploy/, run
// from the top).
func TestWritesInsideTheRepository(t *testing.T) {
	repo := t.TempDir()
	write(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	write(t, filepath.Join(repo, "deploy", "alembic.ini"), "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://u:p@h/db\n")
	revision := filepath.Join(repo, "migrations", "versions", "0001_orders.py")
	write(t, revision, ordersRevision)
	proj, err := project.Find(filepath.Join(repo, "deploy"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compute(context.Background(), proj, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Write(); err != nil || len(res.Files) != 1 || res.Files[0].Refused != "" {
		t.Fatalf("%v %+v", err, res.Files)
	}
	if got, _ := os.ReadFile(revision); !strings.Contains(string(got), "checkfirst=True") {
		t.Fatalf("not fixed:\n%s", got)
	}
}

// TestSymlinkedRevisionFile: a revision file that is a symlink keeps its link
// and its target is fixed, when the target is inside the project; a target
// outside it is refused.
func TestSymlinkedRevisionFile(t *testing.T) {
	for _, inside := range []bool{true, false} {
		dir := t.TempDir()
		target := filepath.Join(dir, "shared", "orders.py")
		if !inside {
			target = filepath.Join(t.TempDir(), "orders.py")
		}
		write(t, target, ordersRevision)
		link := filepath.Join(dir, "migrations", "versions", "0001_orders.py")
		write(t, filepath.Join(dir, "migrations", "env.py"), "")
		if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "alembic.ini"), "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://u:p@h/db\n")
		proj, err := project.Find(dir)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Compute(context.Background(), proj, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := res.Write(); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("inside=%v: the symlink was replaced (%v)", inside, err)
		}
		got, _ := os.ReadFile(target)
		if fixed := strings.Contains(string(got), "checkfirst=True"); fixed != inside {
			t.Errorf("inside=%v: target fixed=%v; refused %q", inside, fixed, res.Files[0].Refused)
		}
	}
}
