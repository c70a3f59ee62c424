package parsecache

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

const revision = "revision = '0001'\ndown_revision = None\n\ndef upgrade():\n    pass\n"

// TestParse: a parse is kept only under the stamp the file still has, when
// that stamp is old enough to prove the file unchanged and the parse ran to
// its end.
func TestParse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "0001.py")
	if err := os.WriteFile(path, []byte(revision), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	stamp, ok := Stat(path)
	if !ok || stamp.Size != int64(len(revision)) || stamp.ModTime != old.UnixNano() {
		t.Fatalf("Stat = %+v, %v", stamp, ok)
	}
	ctx := context.Background()
	m, keep, err := Parse(ctx, path, stamp, time.Now(), nil)
	if err != nil || m == nil || m.Revision.Values[0] != "0001" || !keep {
		t.Errorf("old file: keep %v, err %v", keep, err)
	}
	if _, keep, _ := Parse(ctx, path, stamp, old.Add(RacyWindow/2), nil); keep {
		t.Error("kept a parse of a file modified within the racy window")
	}
	changed := stamp
	changed.ModTime-- // the file changed between the stat and the parse
	if _, keep, _ := Parse(ctx, path, changed, time.Now(), nil); keep {
		t.Error("kept a parse of a file that changed after its stat")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, keep, _ := Parse(cancelled, path, stamp, time.Now(), nil); keep {
		t.Error("kept a cancelled parse")
	}
	if _, ok := Stat(filepath.Dir(path)); ok {
		t.Error("a directory has a stamp")
	}
}
