package modelcache

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
)

// TestStatIndex: a header is read without reading the file only when the
// file's stat is the one recorded right before its bytes were last read and
// it was not modified within the racy window of that; every kind of change
// is seen, including an edit that keeps the size and puts the modification
// time back, and a file replaced by another of the same size and times.
func TestStatIndex(t *testing.T) {
	defer func(w time.Duration) { inputfile.RacyWindow = w }(inputfile.RacyWindow)
	inputfile.RacyWindow = 100 * time.Millisecond
	cacheDir, dir := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, "0001_a.py")
	revision := func(id string) string {
		return "revision = '" + id + "'\ndown_revision = None\n\ndef upgrade():\n    pass\n"
	}
	write := func(path, id string) {
		if err := os.WriteFile(path, []byte(revision(id)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// header returns the revision id read through a fresh cache and whether
	// the file's bytes were read. The log records a read either way (a
	// result cache must see the file's content as an input): a read saved
	// by the index carries the stamp of the earlier read.
	header := func() (string, bool) {
		t.Helper()
		c := New(cacheDir, zerolog.Nop())
		log := inputfile.StartLog()
		start := time.Now().UnixNano()
		m, err := c.ParseHeader(context.Background(), path)
		log.Stop()
		c.Flush()
		if err != nil || m == nil || len(m.Revision.Values) != 1 || m.Source != nil {
			t.Fatalf("header %+v, %v", m, err)
		}
		accesses, _ := log.Accesses()
		logged, read := false, false
		for _, a := range accesses {
			if a.Kind == inputfile.ReadFile && a.Path == path {
				logged, read = true, a.Seen.Taken == 0 || a.Seen.Taken >= start
			}
		}
		if !logged {
			t.Errorf("the log has no read of %s: %+v", path, accesses)
		}
		return m.Revision.Values[0], read
	}
	settle := func() { time.Sleep(inputfile.RacyWindow + 20*time.Millisecond) }
	expect := func(what, id string, read bool) {
		t.Helper()
		if got, wasRead := header(); got != id || wasRead != read {
			t.Errorf("%s: read %q (file read: %v), want %q (file read: %v)", what, got, wasRead, id, read)
		}
	}

	write(path, "aaaa")
	expect("a new file, racy", "aaaa", true)
	expect("a racy file is read again", "aaaa", true)
	settle()
	expect("read once more after the window", "aaaa", true)
	expect("unchanged and settled", "aaaa", false)

	info, _ := os.Stat(path)
	write(path, "bbbb")
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	expect("same size, modification time put back", "bbbb", true)
	settle()
	expect("read after the window", "bbbb", true)
	expect("settled again", "bbbb", false)

	info, _ = os.Stat(path)
	other := filepath.Join(dir, "other.tmp")
	write(other, "cccc")
	if err := os.Chtimes(other, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	settle()
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
	expect("replaced by another file of the same size and times", "cccc", true)
}

// TestWholeAfterHeaderReadsOnce: the whole model of a file whose header was
// just parsed comes from that parse, without reading the file again: a
// second read is logged with another stamp, which leaves the log no stamp to
// trust, and the next run's result cache read every file again.
func TestWholeAfterHeaderReadsOnce(t *testing.T) {
	defer func(w time.Duration) { inputfile.RacyWindow = w }(inputfile.RacyWindow)
	inputfile.RacyWindow = 50 * time.Millisecond
	path := filepath.Join(t.TempDir(), "0001_a.py")
	if err := os.WriteFile(path, []byte("revision = 'aaaa'\ndown_revision = None\n\ndef upgrade():\n    pass\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(inputfile.RacyWindow + 20*time.Millisecond)
	c := New(t.TempDir(), zerolog.Nop())
	defer c.Flush() // the encoder writes into the directory in the background until then
	log := inputfile.StartLog()
	header, err := c.ParseHeader(context.Background(), path)
	if err != nil || !header.HeaderOnly {
		t.Fatalf("header %+v, %v", header, err)
	}
	whole, err := c.Parse(context.Background(), path)
	log.Stop()
	if err != nil || whole.HeaderOnly || whole.Upgrade == nil {
		t.Fatalf("whole model %+v, %v", whole, err)
	}
	accesses, _ := log.Accesses()
	if len(accesses) != 1 || accesses[0].Kind != inputfile.ReadFile || accesses[0].Seen.Taken == 0 {
		t.Errorf("accesses %+v, want one read of the file with its stamp", accesses)
	}
}
