package inputfile

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestLogSeesEveryKindOfChange: each access is unchanged until what it saw
// changes, and a file read twice with different contents is never reused.
func TestLogSeesEveryKindOfChange(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.py")
	link := filepath.Join(dir, "link")
	if err := os.WriteFile(file, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	log := StartLog()
	if _, err := Read(file, 100); err != nil {
		t.Fatal(err)
	}
	_, _ = Stat(filepath.Join(dir, "absent"))
	_, _ = ReadDir(dir)
	_, _ = EvalSymlinks(link)
	log.Stop()
	_, _ = Read(filepath.Join(dir, "not recorded"), 100)
	accesses, digests := log.Accesses()
	if len(accesses) != 4 {
		t.Fatalf("recorded %d accesses, want 4: %+v", len(accesses), accesses)
	}
	encoded := EncodeAccesses(accesses, digests)
	backAccesses, backDigests, err := DecodeAccesses(encoded)
	if err != nil || !slices.Equal(backAccesses, accesses) || !slices.Equal(backDigests, digests) {
		t.Fatalf("accesses do not round-trip: %v", err)
	}
	for cut := range len(encoded) {
		if _, _, err := DecodeAccesses(encoded[:cut]); err == nil {
			t.Fatalf("a log cut to %d of %d bytes decoded", cut, len(encoded))
		}
	}
	if !Unchanged(accesses, digests) {
		t.Fatal("nothing changed, yet the log says something did")
	}
	changes := []func(){
		func() { _ = os.WriteFile(file, []byte("x = 2\n"), 0o644) },           // same size, other content
		func() { _ = os.WriteFile(filepath.Join(dir, "absent"), nil, 0o644) }, // appears (and the listing changes)
		func() { _ = os.Remove(link); _ = os.Symlink(dir, link) },             // resolves elsewhere
	}
	for i, change := range changes {
		accesses, digests := log.Accesses()
		change()
		if Unchanged(accesses, digests) {
			t.Errorf("change %d not seen", i)
		}
		log = StartLog() // the state after the change is the new reference
		_, _ = Read(file, 100)
		_, _ = Stat(filepath.Join(dir, "absent"))
		_, _ = ReadDir(dir)
		_, _ = EvalSymlinks(link)
		log.Stop()
	}

	log = StartLog()
	_, _ = Read(file, 100)
	_ = os.WriteFile(file, []byte("changed during the run\n"), 0o644)
	_, _ = Read(file, 100)
	log.Stop()
	if accesses, digests := log.Accesses(); Unchanged(accesses, digests) {
		t.Error("a file that changed while it was read twice was trusted")
	}
}

// TestLogTrustsStamps: a file read when its stamp was no longer racy is not
// read again while the stamp holds, and is read again once it does not.
func TestLogTrustsStamps(t *testing.T) {
	if _, ok := StampOf(mustStat(t, t.TempDir())); !ok {
		t.Skip("no stamps on this system")
	}
	defer func(w time.Duration) { RacyWindow = w }(RacyWindow)
	RacyWindow = 50 * time.Millisecond
	dir := t.TempDir()
	file := filepath.Join(dir, "a.py")
	if err := os.WriteFile(file, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	racy := StartLog()
	_, _ = Read(file, 100)
	racy.Stop()
	if accesses, _ := racy.Accesses(); accesses[0].Seen.Taken != 0 {
		t.Fatal("a file written just before it was read has a trusted stamp")
	}
	time.Sleep(RacyWindow + 20*time.Millisecond)
	log := StartLog()
	_, _ = Read(file, 100)
	log.Stop()
	accesses, digests := log.Accesses()
	if accesses[0].Seen.Taken == 0 {
		t.Fatal("no stamp kept for a settled file")
	}
	before := rereads.Load()
	if !Unchanged(accesses, digests) || rereads.Load() != before {
		t.Error("a file whose stamp holds was read again")
	}
	if err := os.WriteFile(file, []byte("x = 2\n"), 0o644); err != nil { // same size
		t.Fatal(err)
	}
	if Unchanged(accesses, digests) {
		t.Error("a file rewritten with the same size was trusted")
	}
}

func mustStat(t *testing.T, path string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// TestRecallRecordsTheReadItSaves: a read a cache recalls is logged as the
// read itself would have been (the same access and digest), so that a result
// resting on it is reused while the bytes are the same, touched or not, and
// not once they change; a read not recalled is not logged.
func TestRecallRecordsTheReadItSaves(t *testing.T) {
	dir := t.TempDir()
	file, other := filepath.Join(dir, "a.py"), filepath.Join(dir, "b.py")
	for _, f := range []string{file, other} {
		if err := os.WriteFile(f, []byte("x = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := StartLog()
	if _, err := Read(file, 100); err != nil {
		t.Fatal(err)
	}
	read.Stop()
	readAccesses, readDigests := read.Accesses()

	recalled := StartLog()
	sum := sha256.Sum256([]byte("x = 1\n"))
	if !Recall(file, 100, func(fs.FileInfo) ([sha256.Size]byte, Seen, bool) { return sum, Seen{}, true }) {
		t.Fatal("a recalled read was not reported")
	}
	if Recall(other, 100, func(fs.FileInfo) ([sha256.Size]byte, Seen, bool) { return sum, Seen{}, false }) {
		t.Fatal("a read not recalled was reported")
	}
	recalled.Stop()
	accesses, digests := recalled.Accesses()
	if !slices.Equal(accesses, readAccesses) || !slices.Equal(digests, readDigests) {
		t.Fatalf("recalled %v %x, read %v %x", accesses, digests, readAccesses, readDigests)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(file, later, later); err != nil {
		t.Fatal(err)
	}
	if !Unchanged(accesses, digests) {
		t.Error("the file was touched without a change, and the recalled read is taken as changed")
	}
	if err := os.WriteFile(file, []byte("x = 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if Unchanged(accesses, digests) {
		t.Error("the file changed, and the recalled read is taken as unchanged")
	}
}
