package project

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestVersionLocationInsideAnother: version_locations = versions versions/imports
// read versions/imports twice (once as a subfolder of versions), and each of
// its files was a duplicate of itself.
func TestVersionLocationInsideAnother(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"versions/a1_base.py", "versions/imports/b1_other.py"} {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("revision = \"x\"\ndown_revision = None\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sd := ScriptDir{VersionLocations: []string{filepath.Join(root, "versions"), filepath.Join(root, "versions", "imports")}}
	got := ListRevisionFiles(sd, nil).Files
	want := []string{filepath.Join(root, "versions/a1_base.py"), filepath.Join(root, "versions/imports/b1_other.py")}
	if !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
}
