package hook

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestLayouts: Claude Code edits the revision file with the known error in
// every layout of the sweep; the hook must find the project and report it,
// whether the session's directory is the top of the repository or a
// subdirectory.
func TestLayouts(t *testing.T) {
	for _, l := range testenv.Layouts() {
		t.Run(l.Name, func(t *testing.T) {
			top := l.Write(t)
			cwds := []string{top}
			if l.Subdir != "" {
				cwds = append(cwds, filepath.Join(top, l.Subdir))
			}
			for _, cwd := range cwds {
				path := filepath.Join(top, filepath.FromSlash(l.Edit))
				in := payload(t, "PostToolUse", "Edit", cwd,
					map[string]any{"file_path": path, "old_string": "a", "new_string": "b"},
					map[string]any{"filePath": path, "success": true}, nil)
				out := run(t, in, Options{})
				if out.Code != ExitReport || !strings.Contains(out.Stderr, "enum-type-not-dropped") {
					t.Errorf("cwd %s: exit %d, stderr:\n%s", relpath.Rel(top, cwd), out.Code, out.Stderr)
				}
			}
		})
	}
}
