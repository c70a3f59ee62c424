package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// Corpus copies every rule fixture case, the healthy corpus and the bundled
// example out of the repository (inside it, each case would scan the
// repository's Python code for dialect evidence) and returns their
// directories, each a project or a file that is none. It is meant for tests
// of a package directly under server/internal.
func Corpus(t testing.TB) []string {
	t.Helper()
	corpus := t.TempDir()
	for name, from := range map[string]string{"rules": filepath.Join("..", "rules", "testdata"),
		"healthy": filepath.Join("..", "check", "testdata", "healthy"), "shop": filepath.Join("..", "..", "..", "examples", "shop")} {
		if err := os.CopyFS(filepath.Join(corpus, name), os.DirFS(from)); err != nil {
			t.Fatal(err)
		}
	}
	dirs, _ := filepath.Glob(filepath.Join(corpus, "rules", "*", "*"))
	dirs = append(dirs, filepath.Join(corpus, "healthy"), filepath.Join(corpus, "shop"))
	if len(dirs) < 300 {
		t.Fatalf("found %d fixture cases, expected the whole suite", len(dirs))
	}
	return dirs
}
