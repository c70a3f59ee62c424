package cli

import (
	"fmt"
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

func cachePacks(t *testing.T, dir string) int {
	t.Helper()
	packs, err := filepath.Glob(filepath.Join(dir, "*", "*.pack"))
	if err != nil {
		t.Fatal(err)
	}
	return len(packs)
}

// TestCheckCache: check fills the cache in ALEMBIC_PATTERNS_CACHE_DIR (one
// pack per run that parsed something), reports the same from it, sees an
// edit, and leaves it alone with --no-cache.
func TestCheckCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("ALEMBIC_PATTERNS_CACHE_DIR", cache)
	dir := newProject(t, map[string]string{"0001_orders.py": orders, "0002_items.py": items}, "")

	out, _, code := run(t, dir, "check", "--no-cache")
	if n := cachePacks(t, cache); n != 0 {
		t.Fatalf("--no-cache wrote %d cache packs", n)
	}
	cold, _, coldCode := run(t, dir, "check")
	if n := cachePacks(t, cache); n != 1 {
		t.Fatalf("check wrote %d cache packs, want 1", n)
	}
	warm, _, warmCode := run(t, dir, "check")
	if n := cachePacks(t, cache); n != 1 {
		t.Fatalf("a warm check wrote a pack (%d packs): it parsed again", n)
	}
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

// TestHistoryCache: history reuses its result from the cache while the
// revision files are unchanged (no pack written, the same output as
// without the cache), and sees a changed graph.
func TestHistoryCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("ALEMBIC_PATTERNS_CACHE_DIR", cache)
	revs := historyShapes["branches"]
	files := map[string]string{}
	for _, r := range revs {
		files[r.id+"_rev.py"] = r.source()
	}
	dir := newProject(t, files, "")
	for _, format := range []string{"text", "json"} {
		want, _, wantCode := run(t, dir, "history", "--format", format, "--no-cache")
		cold, _, coldCode := run(t, dir, "history", "--format", format)
		packs := cachePacks(t, cache)
		warm, _, warmCode := run(t, dir, "history", "--format", format)
		if n := cachePacks(t, cache); n != packs || packs == 0 {
			t.Fatalf("%s: %d packs after the cold run, %d after the warm one: the warm run computed again", format, packs, n)
		}
		if cold != want || warm != want || coldCode != wantCode || warmCode != wantCode {
			t.Fatalf("%s: history differs with the cache:\nwithout:\n%s\ncold:\n%s\nwarm:\n%s", format, want, cold, warm)
		}
	}
	before, _, _ := run(t, dir, "history")
	last := revs[len(revs)-1]
	last.down = `"a1"` // the merge is a branch of a1 now
	must(t, os.WriteFile(filepath.Join(dir, "migrations", "versions", last.id+"_rev.py"), []byte(last.source()), 0o644))
	after, _, _ := run(t, dir, "history")
	fresh, _, _ := run(t, dir, "history", "--no-cache")
	if after != fresh || after == before {
		t.Errorf("after an edit, history with the cache says:\n%s\nwithout:\n%s", after, fresh)
	}
}
