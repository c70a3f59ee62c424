//go:build unix

package project

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestSpecialConfigFiles: an alembic.ini or pyproject.toml that is a FIFO
// used to block Find forever, and one that is a symlink to /dev/zero read
// until memory ran out. Each is an error naming the file, at once.
func TestSpecialConfigFiles(t *testing.T) {
	good := map[string]string{"alembic.ini": "[alembic]\nscript_location = alembic\n", "alembic/env.py": "", "alembic/versions/": ""}
	cases := []struct {
		name, file string
		special    func(testing.TB, string)
		want       string
	}{
		{"alembic.ini FIFO", "alembic.ini", testenv.Mkfifo, "alembic.ini: is a named pipe (FIFO), not a regular file"},
		{"alembic.ini to /dev/zero", "alembic.ini", testenv.SymlinkDevZero, "alembic.ini: is a device, not a regular file"},
		{"pyproject.toml FIFO", "pyproject.toml", testenv.Mkfifo, "pyproject.toml: is a named pipe (FIFO), not a regular file"},
		{"pyproject.toml to /dev/zero", "pyproject.toml", testenv.SymlinkDevZero, "pyproject.toml: is a device, not a regular file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := fixture(t, good)
			c.special(t, filepath.Join(root, c.file))
			testenv.Within(t, 10*time.Second, "Find", func() {
				if _, err := Find(root); err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("Find: %v, want an error with %q", err, c.want)
				}
			})
		})
	}
	// env.py is read for the dialect: a FIFO there is passed over.
	root := fixture(t, good)
	testenv.Mkfifo(t, filepath.Join(root, "alembic", "env.py"))
	testenv.Within(t, 10*time.Second, "Find with a FIFO env.py", func() {
		if p, err := Find(root); err != nil {
			t.Errorf("Find: %v", err)
		} else {
			p.DialectEvidence(p.ScriptDirs[0])
		}
	})
}
