//go:build unix

package hook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestSpecialEditedFile: an edited revision file that is a FIFO used to hang
// the hook past Claude Code's timeout; it is reported as a file error at once.
// (A symlink to /dev/zero resolves outside the project: silence.)
func TestSpecialEditedFile(t *testing.T) {
	cases := []struct {
		name    string
		special func(testing.TB, string)
		code    int
	}{{"FIFO", testenv.Mkfifo, ExitReport}, {"dev-zero", testenv.SymlinkDevZero, ExitOK}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := newProject(t, map[string]string{"migrations/versions/0001_accounts.py": base})
			path := filepath.Join(dir, "migrations/versions/0002_orders.py")
			c.special(t, path)
			in := payload(t, "PostToolUse", "Edit", dir, map[string]any{"file_path": path, "old_string": "a", "new_string": "b"}, nil, nil)
			testenv.Within(t, 10*time.Second, "hook", func() {
				out := run(t, in, Options{})
				if out.Code != c.code || c.code == ExitReport && !strings.Contains(out.Stderr, "0002_orders.py: error: is a named pipe (FIFO), not a regular file") {
					t.Errorf("exit %d, stderr:\n%s", out.Code, out.Stderr)
				}
			})
		})
	}
}

// TestSpecialCacheFile: a FIFO in place of a cache entry used to hang the
// hook; it is ignored (and replaced by a regular entry).
func TestSpecialCacheFile(t *testing.T) {
	dir := newProject(t, map[string]string{
		"migrations/versions/0001_accounts.py": base,
		"migrations/versions/0002_orders.py":   broken,
	})
	in := writePayload(t, dir, "migrations/versions/0002_orders.py")
	want := run(t, in, Options{})
	cache := t.TempDir()
	run(t, in, Options{CacheDir: cache})
	entries := cacheEntries(t, cache)
	if len(entries) == 0 {
		t.Fatal("the hook wrote no cache entry")
	}
	for _, e := range entries {
		if err := os.Remove(e); err != nil {
			t.Fatal(err)
		}
		testenv.Mkfifo(t, e)
	}
	testenv.Within(t, 10*time.Second, "hook with FIFO cache entries", func() {
		if got := run(t, in, Options{CacheDir: cache}); got != want {
			t.Errorf("with FIFO cache entries: %+v\nwant %+v", got, want)
		}
	})
	for _, e := range entries {
		if info, err := os.Lstat(e); err != nil || !info.Mode().IsRegular() {
			t.Errorf("the cache entry was not replaced by a regular one: %v", err)
		}
	}
}
