//go:build unix

package migration

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestParseFileSpecialFiles: a revision file that is a FIFO used to block
// ParseFile forever, and one that is a symlink to /dev/zero read until memory
// ran out. Both are file errors now, at once.
func TestParseFileSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo, zero := filepath.Join(dir, "0001_fifo.py"), filepath.Join(dir, "0002_zero.py")
	testenv.Mkfifo(t, fifo)
	testenv.SymlinkDevZero(t, zero)
	for path, want := range map[string]string{fifo: "is a named pipe (FIFO), not a regular file", zero: "is a device, not a regular file"} {
		for name, parse := range map[string]func(context.Context, string) (*Migration, error){"ParseFile": ParseFile, "ParseFileHeader": ParseFileHeader} {
			testenv.Within(t, 10*time.Second, name+" "+filepath.Base(path), func() {
				if _, err := parse(context.Background(), path); err == nil || !strings.HasPrefix(fileError(t, err).Msg, want) {
					t.Errorf("%s %s: %v", name, filepath.Base(path), err)
				}
			})
		}
	}
}
