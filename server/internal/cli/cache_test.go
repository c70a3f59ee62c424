package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestMain keeps the tests' model cache out of the user's cache directory.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "alembic-patterns-cli-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("ALEMBIC_PATTERNS_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func cacheEntries(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && len(d.Name()) == 64 {
			n++
		}
		return nil
	})
	return n
}

// TestCheckCache: check fills the cache in ALEMBIC_PATTERNS_CACHE_DIR with
// one entry per revision file, reports the same from it, sees an edit, and
// leaves it alone with --no-cache.
func TestCheckCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("ALEMBIC_PATTERNS_CACHE_DIR", cache)
	dir := newProject(t, map[string]string{"0001_orders.py": orders, "0002_items.py": items}, "")

	out, _, code := run(t, dir, "check", "--no-cache")
	if n := cacheEntries(t, cache); n != 0 {
		t.Fatalf("--no-cache wrote %d cache entries", n)
	}
	cold, _, coldCode := run(t, dir, "check")
	if n := cacheEntries(t, cache); n != 2 {
		t.Fatalf("check wrote %d cache entries, want one per revision file (2)", n)
	}
	warm, _, warmCode := run(t, dir, "check")
	if cold != out || warm != out || coldCode != code || warmCode != code {
		t.Fatalf("check differs with the cache:\nwithout (exit %d):\n%s\ncold (exit %d):\n%s\nwarm (exit %d):\n%s", code, out, coldCode, cold, warmCode, warm)
	}

	fixed := orders + "    sa.Enum(name=\"status_type\").drop(op.get_bind())\n"
	must(t, os.WriteFile(filepath.Join(dir, "migrations", "versions", "0001_orders.py"), []byte(fixed), 0o644))
	after, _, _ := run(t, dir, "check")
	fresh, _, _ := run(t, dir, "check", "--no-cache")
	if after != fresh || after == out {
		t.Errorf("after an edit, check with the cache says:\n%s\nwithout:\n%s", after, fresh)
	}
}
