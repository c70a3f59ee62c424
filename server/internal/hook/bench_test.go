package hook

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

var gen struct {
	once sync.Once
	dir  string
	head string // path of the head revision file
	err  error
}

// generated3000 writes one 3,000-revision project per test binary, the one of
// `genproject -n 3000 -seed 1 -merge-every 50 -batch-every 7`.
func generated3000(b *testing.B) (dir, head string) {
	gen.once.Do(func() {
		d, err := os.MkdirTemp("", "hook3000-")
		if err != nil {
			gen.err = err
			return
		}
		res, err := synth.Write(d, synth.Options{Revisions: 3000, Seed: 1, MergeEvery: 50, BatchEvery: 7})
		if err != nil {
			gen.err = err
			return
		}
		files, _ := filepath.Glob(filepath.Join(d, "migrations", "versions", res.Heads[0]+"_*.py"))
		if len(files) != 1 {
			gen.err = os.ErrNotExist
			return
		}
		gen.dir, gen.head = d, files[0]
	})
	if gen.err != nil {
		b.Fatal(gen.err)
	}
	return gen.dir, gen.head
}

// BenchmarkPostToolUse3000 is the hook after an Edit of the head revision of
// a 3,000-revision project: without the model cache, with a warm one, and the
// paths that must stay cheap (a file that is no migration, a Bash command
// that is not alembic).
func BenchmarkPostToolUse3000(b *testing.B) {
	dir, head := generated3000(b)
	edit := payload(b, "PostToolUse", "Edit", dir, map[string]any{"file_path": head, "old_string": "a", "new_string": "b"}, nil, nil)
	b.Run("edit-no-cache", func(b *testing.B) {
		for b.Loop() {
			run(b, edit, Options{})
		}
	})
	b.Run("edit-warm-cache", func(b *testing.B) {
		cache := b.TempDir()
		run(b, edit, Options{CacheDir: cache})
		stop := testenv.ReportCPU(b)
		for b.Loop() {
			run(b, edit, Options{CacheDir: cache})
		}
		stop()
	})
	other := payload(b, "PostToolUse", "Write", dir, map[string]any{"file_path": filepath.Join(dir, "alembic.ini"), "content": "x"}, nil, nil)
	b.Run("not-a-migration", func(b *testing.B) {
		for b.Loop() {
			run(b, other, Options{})
		}
	})
	bash := payload(b, "PostToolUse", "Bash", dir, map[string]any{"command": "pytest -x"}, map[string]any{"stdout": "ok", "stderr": ""}, nil)
	b.Run("bash-not-alembic", func(b *testing.B) {
		for b.Loop() {
			run(b, bash, Options{})
		}
	})
}

// TestCacheEquivalence3000 compares, on the generated 3,000-revision history,
// the hook's findings with and without the cache for the head and a spread
// of other revisions (merges and batch blocks included).
func TestCacheEquivalence3000(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 3,000 files several times")
	}
	dir, head := generated3000(&testing.B{})
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := check.Run(context.Background(), proj, check.Options{Profile: "zero-downtime"})
	if err != nil {
		t.Fatal(err)
	}
	// The head, and a file for each of the first rules with findings.
	files := []string{head}
	seen := map[string]bool{}
	for _, d := range res.Findings {
		if !seen[d.Rule] && !slices.Contains(files, d.Path) && len(files) < 6 {
			seen[d.Rule] = true
			files = append(files, d.Path)
		}
	}
	n, _ := checkBoth(t, dir, files)
	t.Logf("3,000 revisions, %d files checked, %d findings: identical with cached models", len(files), n)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if gen.dir != "" {
		os.RemoveAll(gen.dir)
	}
	os.Exit(code)
}
