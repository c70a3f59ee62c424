package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/aymanbagabas/go-udiff"
)

// TestGoldenCRLF: every golden fix, on the same files with CRLF line endings,
// gives the golden result with CRLF line endings: the lines a fix inserts
// take the file's line ending.
func TestGoldenCRLF(t *testing.T) {
	cases, _ := filepath.Glob(filepath.Join("..", "rules", "testdata", "*", "*", "fixed"))
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	for _, fixed := range cases {
		dir := filepath.Dir(fixed)
		rule := filepath.Base(filepath.Dir(dir))
		t.Run(rule+"/"+filepath.Base(dir), func(t *testing.T) {
			_, err := os.Stat(filepath.Join(dir, "unsafe"))
			unsafe := err == nil
			proj := copyProject(t, dir)
			files, _ := filepath.Glob(filepath.Join(proj.Root, "migrations", "versions", "*.py"))
			for _, f := range files {
				src, _ := os.ReadFile(f)
				write(t, f, string(crlf(src)))
			}
			for _, f := range runFix(t, proj, rule, unsafe).Files {
				want, err := os.ReadFile(filepath.Join(fixed, filepath.Base(f.Path)))
				if err != nil {
					t.Fatal(err)
				}
				if want = crlf(want); !bytes.Equal(f.After, want) {
					t.Errorf("%s (refused: %q):\n%s", filepath.Base(f.Path), f.Refused, udiff.Unified("golden", "got", string(want), string(f.After)))
				}
			}
		})
	}
}
