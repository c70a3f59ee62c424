//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestSpecialRevisionFiles: a revision file that is a FIFO used to hang
// check, history, review and fix forever, and a symlink to /dev/zero made them
// run out of memory. Each command now ends at once and names both files.
func TestSpecialRevisionFiles(t *testing.T) {
	dir := newProject(t, map[string]string{"0001_orders.py": orders}, "")
	versions := filepath.Join(dir, "migrations", "versions")
	testenv.Mkfifo(t, filepath.Join(versions, "0002_fifo.py"))
	testenv.SymlinkDevZero(t, filepath.Join(versions, "0003_zero.py"))
	for _, args := range [][]string{{"check"}, {"history"}, {"review", "all"}, {"fix", "--diff"}} {
		testenv.Within(t, 20*time.Second, strings.Join(args, " "), func() {
			out, errOut, code := run(t, dir, args...)
			if code == ExitOK && args[0] != "fix" && args[0] != "review" {
				t.Errorf("%s: exit 0", args)
			}
			for _, want := range []string{"0002_fifo.py", "is a named pipe (FIFO), not a regular file", "0003_zero.py", "is a device, not a regular file"} {
				if args[0] != "fix" && !strings.Contains(out+errOut, want) {
					t.Errorf("%s: output lacks %q:\n%s%s", args, want, out, errOut)
				}
			}
		})
	}
}
