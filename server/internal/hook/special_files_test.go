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

// TestSpecialCacheFile: a FIFO in place of a cache pack used to hang the
// hook; it is ignored, and the models are written to a regular pack.
func TestSpecialCacheFile(t *testing.T) {
	dir := newProject(t, map[string]string{
		"migrations/versions/0001_accounts.py": base,
		"migrations/versions/0002_orders.py":   broken,
	})
	in := writePayload(t, dir, "migrations/versions/0002_orders.py")
	want := run(t, in, Options{})
	cache := t.TempDir()
	run(t, in, Options{CacheDir: cache})
	packs := cachePacks(t, cache)
	if len(packs) == 0 {
		t.Fatal("the hook wrote no cache pack")
	}
	for _, p := range packs {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		testenv.Mkfifo(t, p)
	}
	testenv.Within(t, 10*time.Second, "hook with FIFO cache packs", func() {
		if got := run(t, in, Options{CacheDir: cache}); got != want {
			t.Errorf("with FIFO cache packs: %+v\nwant %+v", got, want)
		}
	})
	regular := 0
	for _, p := range cachePacks(t, cache) {
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() {
			regular++
		}
	}
	if regular == 0 {
		t.Error("no regular pack was written next to the FIFOs")
	}
}
