package resultcache

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// shop copies the bundled example (it has findings of every severity).
func shop(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "..", "examples", "shop"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// run checks dir through the cache in cacheDir, and without it; the two
// results must be the same.
func run(t *testing.T, dir, cacheDir string) (reused bool) {
	t.Helper()
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	cache := modelcache.New(cacheDir, zerolog.Nop())
	got, reused, err := Check(context.Background(), cache, zerolog.Nop(), proj, check.Options{CountElsewhere: true})
	if err != nil {
		t.Fatal(err)
	}
	cache.Flush()
	want, err := check.Run(context.Background(), proj, check.Options{CountElsewhere: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Findings) == 0 {
		t.Fatal("the example has no findings: nothing is compared")
	}
	if !reflect.DeepEqual(storedOf(got), storedOf(want)) {
		t.Errorf("the result through the cache (reused %v) differs from check.Run's: %d files and %d findings, against %d and %d",
			reused, got.Files, len(got.Findings), want.Files, len(want.Findings))
	}
	return reused
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	write(t, path, strings.Replace(string(src), old, new, 1))
}

const head = "migrations/versions/7f6e5d4c3b07_drop_the_library_tables.py"

// TestEveryInputInvalidates: a result is reused while nothing changed, and
// never after any input of the check changed, whatever the input.
func TestEveryInputInvalidates(t *testing.T) {
	changes := []struct {
		name   string
		change func(t *testing.T, dir string)
	}{
		{"a revision edited, same size", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, head), "op.drop_table('authors')", "op.drop_table('writers')")
		}},
		{"a revision added", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "migrations/versions/ffff00000001_more.py"), "revision = 'ffff00000001'\ndown_revision = '7f6e5d4c3b07'\n\n"+
				"from alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n    op.add_column('users', sa.Column('nick', sa.String(), nullable=False))\n\n\ndef downgrade():\n    op.drop_column('users', 'nick')\n")
		}},
		{"a revision removed", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, head)); err != nil {
				t.Fatal(err)
			}
		}},
		{"env.py edited", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "migrations/env.py"), "import", "# mysql_engine='InnoDB'\nimport")
		}},
		{"a dependency file appears", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "requirements.txt"), "pymysql\n")
		}},
		{"the revision template edited", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "migrations/script.py.mako"), "def downgrade()", "# downgrades are not supported\ndef downgrade()")
		}},
		{"the models edited", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "models.py"), "import", "# naming_convention\nimport")
		}},
		{"the settings edited", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "pyproject.toml"), `profile = "default"`, `profile = "zero-downtime"`)
		}},
		{"a folder of revisions appears", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "migrations/versions/release/ffff00000002_nested.py"), "revision = 'ffff00000002'\ndown_revision = '7f6e5d4c3b07'\n")
		}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			dir, cacheDir := shop(t), t.TempDir()
			if run(t, dir, cacheDir) {
				t.Fatal("a cold cache reused a result")
			}
			if !run(t, dir, cacheDir) {
				t.Fatal("nothing changed, yet the result was not reused")
			}
			c.change(t, dir)
			if run(t, dir, cacheDir) {
				t.Fatal("the result was reused after the change")
			}
			if !run(t, dir, cacheDir) {
				t.Fatal("the result of the changed project was not reused")
			}
		})
	}
}

// TestContentDecides: files touched without a change keep the result; a
// damaged cache is a miss, never an error.
func TestContentDecides(t *testing.T) {
	dir, cacheDir := shop(t), t.TempDir()
	run(t, dir, cacheDir)
	later := time.Now().Add(time.Hour)
	revisions, _ := filepath.Glob(filepath.Join(dir, "migrations/versions/*.py"))
	for _, f := range revisions {
		if err := os.Chtimes(f, later, later); err != nil {
			t.Fatal(err)
		}
	}
	if !run(t, dir, cacheDir) {
		t.Error("revision files touched without a change: the result was not reused")
	}
	if testenv.DamagePacks(t, cacheDir) == 0 {
		t.Fatal("no pack written")
	}
	if run(t, dir, cacheDir) {
		t.Error("a damaged cache was trusted")
	}
}

// TestEquivalenceOnCorpus checks every rule fixture case and the healthy
// corpus (each a project) without the cache, through a cold one, a warm one
// and a damaged one, and requires the same result each time.
func TestEquivalenceOnCorpus(t *testing.T) {
	dirs := testenv.Corpus(t)
	cacheDir := t.TempDir()
	ctx := context.Background()
	want := map[string]stored{}
	pass := func(name string, wantReused bool) {
		cache := modelcache.New(cacheDir, zerolog.Nop())
		for _, dir := range dirs {
			proj, err := project.Find(dir)
			if err != nil {
				continue // a fixture of a file that is no project (nothing to check)
			}
			res, reused, err := Check(ctx, cache, zerolog.Nop(), proj, check.Options{Profile: "zero-downtime", CountElsewhere: true})
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			if w, ok := want[dir]; !ok {
				t.Fatalf("%s: no reference result", dir)
			} else if got := storedOf(res); !reflect.DeepEqual(got, w) {
				t.Errorf("%s cache, %s: %d findings, want %d", name, dir, len(got.Findings), len(w.Findings))
			}
			if reused != wantReused {
				t.Errorf("%s cache, %s: reused %v", name, dir, reused)
			}
		}
		cache.Flush()
	}
	for _, dir := range dirs {
		if proj, err := project.Find(dir); err == nil {
			res, err := check.Run(ctx, proj, check.Options{Profile: "zero-downtime", CountElsewhere: true})
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			want[dir] = storedOf(res)
		}
	}
	if len(want) < 300 {
		t.Fatalf("only %d of %d cases are projects", len(want), len(dirs))
	}
	pass("cold", false)
	pass("warm", true)
	packs, _ := filepath.Glob(filepath.Join(cacheDir, "*", "*.pack"))
	for _, p := range packs {
		if err := os.Truncate(p, 100); err != nil {
			t.Fatal(err)
		}
	}
	pass("damaged", false)
	pass("rewritten", true)
}
