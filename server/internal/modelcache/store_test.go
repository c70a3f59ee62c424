package modelcache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestStoreConcurrentWriters: writers and readers of the same keys at once
// never see a partial or mixed entry.
func TestStoreConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	payload := func(i int) []byte { return bytes.Repeat([]byte{byte(i)}, 64<<10+i) }
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			s := Open(dir, "build")
			for i := range 40 {
				k := KeyOf([]byte(fmt.Sprint(i % 5)))
				if err := s.Put(k, payload(i%5)); err != nil {
					t.Error(err)
				}
				if got, ok := s.Get(KeyOf([]byte(fmt.Sprint((i + w) % 5)))); ok && !bytes.Equal(got, payload((i+w)%5)) {
					t.Errorf("read a wrong entry for key %d", (i+w)%5)
				}
			}
		})
	}
	wg.Wait()
	temps, _ := filepath.Glob(filepath.Join(dir, "*", "*", ".tmp-*"))
	if len(temps) > 0 {
		t.Errorf("temporary files left: %v", temps)
	}
}

// TestStoreTrim evicts the least recently used entries above the bound and
// the directories of builds unused for a day.
func TestStoreTrim(t *testing.T) {
	dir := t.TempDir()
	old := Open(dir, "old build")
	if err := old.Put(KeyOf([]byte("x")), []byte("old")); err != nil {
		t.Fatal(err)
	}
	day := time.Now().Add(-48 * time.Hour)
	os.Chtimes(old.path(KeyOf([]byte("x"))), day, day)

	s := Open(dir, "build")
	s.MaxBytes = 100 << 10
	for i := range 20 {
		k := KeyOf([]byte(fmt.Sprint(i)))
		if err := s.Put(k, make([]byte, 10<<10)); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(time.Duration(i-30) * time.Minute) // entry 0 is the least recently used
		os.Chtimes(s.path(k), at, at)
	}
	if err := s.Trim(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old.stampDir()); !os.IsNotExist(err) {
		t.Errorf("the old build's directory is still there (%v)", err)
	}
	kept := 0
	for i := range 20 {
		_, ok := s.Get(KeyOf([]byte(fmt.Sprint(i))))
		if ok {
			kept++
		}
		if i == 0 && ok {
			t.Error("the least recently used entry was kept")
		}
		if i == 19 && !ok {
			t.Error("the most recently used entry was evicted")
		}
	}
	if kept == 0 || kept*(10<<10+headerSize) > int(s.MaxBytes) {
		t.Errorf("%d entries of 10 KB kept under a 100 KB bound", kept)
	}
}
