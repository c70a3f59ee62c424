// Package relpath says where a path lies relative to a directory: whether it
// is inside, and how messages and reports name it (relative to the project
// root when inside, as it is when not). Every package asks it, so that a file
// is named the same way everywhere.
package relpath

import (
	"path/filepath"
	"strings"
)

// Rel is path relative to root, slash-separated, when it lies inside root
// (root itself is "."); else path as it is.
func Rel(root, path string) string {
	if path == "" || !Within(path, root) {
		return path
	}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return path
	}
	return filepath.ToSlash(rel)
}

// Within reports whether path is dir or inside it (lexically: resolve
// symlinks first where they matter).
func Within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
