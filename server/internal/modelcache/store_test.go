package modelcache

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

func packs(t *testing.T, dir string) []string {
	t.Helper()
	p, err := filepath.Glob(filepath.Join(dir, "*", "*.pack"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestStoreConcurrentRuns: runs that write and read the same keys at once
// (each its own Store, as separate processes) never read a wrong entry, and
// every entry written is there afterwards.
func TestStoreConcurrentRuns(t *testing.T) {
	dir := t.TempDir()
	payload := func(i int) []byte { return bytes.Repeat([]byte{byte(i)}, 4<<10+i) }
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for round := range 5 {
				s := Open(dir, "build")
				for i := range 20 {
					k := KeyOf([]byte(fmt.Sprint(i)))
					if got, ok := s.Get(k); ok && !bytes.Equal(got, payload(i)) {
						t.Errorf("read a wrong entry for key %d", i)
					}
					if (i+w+round)%3 == 0 {
						s.Put(k, payload(i))
					}
				}
				if err := s.Flush(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	s := Open(dir, "build")
	for i := range 20 {
		if got, ok := s.Get(KeyOf([]byte(fmt.Sprint(i)))); !ok || !bytes.Equal(got, payload(i)) {
			t.Errorf("entry %d lost or wrong after the concurrent runs", i)
		}
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, "*", ".tmp-*")); len(temps) > 0 {
		t.Errorf("temporary files left: %v", temps)
	}
	if n := len(packs(t, dir)); n > maxPacks+8 {
		t.Errorf("%d packs left: runs that see more than %d do not merge them", n, maxPacks)
	}
}

// TestStoreBound: above MaxBytes a flush keeps only what its run used; the
// packs of another build unused for a day are removed.
func TestStoreBound(t *testing.T) {
	dir := t.TempDir()
	old := Open(dir, "old build")
	old.Put(KeyOf([]byte("x")), []byte("old"))
	if err := old.Flush(); err != nil {
		t.Fatal(err)
	}
	day := time.Now().Add(-48 * time.Hour)
	os.Chtimes(old.buildDir(), day, day)

	s := Open(dir, "build")
	for i := range 20 {
		s.Put(KeyOf([]byte(fmt.Sprint(i))), make([]byte, 10<<10))
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old.buildDir()); !os.IsNotExist(err) {
		t.Errorf("the old build's directory is still there (%v)", err)
	}
	// the next run uses entries 0-4, adds one, and is over the bound
	s = Open(dir, "build")
	s.MaxBytes = 100 << 10
	for i := range 5 {
		if _, ok := s.Get(KeyOf([]byte(fmt.Sprint(i)))); !ok {
			t.Fatalf("entry %d missing", i)
		}
	}
	s.Put(KeyOf([]byte("new")), []byte("new"))
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if p := packs(t, dir); len(p) != 1 {
		t.Errorf("packs after a flush over the bound: %v, want one", p)
	}
	s = Open(dir, "build")
	for i := range 20 {
		_, ok := s.Get(KeyOf([]byte(fmt.Sprint(i))))
		if ok != (i < 5) {
			t.Errorf("entry %d: kept = %v, want %v (kept: those the last run used)", i, ok, i < 5)
		}
	}
	if _, ok := s.Get(KeyOf([]byte("new"))); !ok {
		t.Error("the new entry was not kept")
	}
}

// TestStoreSeesOtherWritersAfterFlush: a long-lived store (the MCP server's)
// finds, after its own Flush, an entry another process (the hook) wrote
// since its first read, so an edited file is parsed once.
func TestStoreSeesOtherWritersAfterFlush(t *testing.T) {
	dir := t.TempDir()
	server := Open(dir, "build")
	k := KeyOf([]byte("edited file"))
	if _, ok := server.Get(k); ok {
		t.Fatal("an empty store has the entry")
	}
	hook := Open(dir, "build")
	hook.Put(k, []byte("model"))
	if err := hook.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := server.Flush(); err != nil { // nothing of its own to write
		t.Fatal(err)
	}
	if got, ok := server.Get(k); !ok || string(got) != "model" {
		t.Errorf("after its flush the server store does not see the hook's entry: %q, %v", got, ok)
	}
	server.Flush()
}

// TestParseHeader: a header read through the cache is the whole model's
// Header, whether the file was parsed before (either way) or not, and a
// header entry costs no whole model's entry when that is kept.
func TestParseHeader(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	for _, round := range []string{"headers first", "headers from entries"} {
		c := New(dir, zerolog.Nop())
		for _, fixture := range fixtureDirs(t)[:40] {
			files, _ := filepath.Glob(filepath.Join(fixture, "*.py"))
			for _, f := range files {
				h, herr := c.ParseHeader(ctx, f)
				m, err := c.Parse(ctx, f)
				if (herr == nil) != (err == nil) || m == nil != (h == nil) {
					t.Fatalf("%s, %s: header %v, model %v", f, round, herr, err)
				}
				if m != nil && !reflect.DeepEqual(h, m.Header()) {
					t.Errorf("%s, %s: the header differs from the model's:\n%#v\n%#v", f, round, h, m.Header())
				}
			}
		}
		if hits, misses := c.Counts(); round == "headers first" && hits != 0 || round != "headers first" && misses != 0 {
			t.Errorf("%s: %d hits and %d misses", round, hits, misses)
		}
		c.Flush()
	}
}

// TestStoreMergesSmallPacks: when packs are many, a pack that holds most of
// the bytes is left as it is and the small ones are merged; every key reads
// its latest entry afterwards, and once the merged packs hold as much, the
// next merge takes every pack.
func TestStoreMergesSmallPacks(t *testing.T) {
	dir := t.TempDir()
	flush := func(s *Store) {
		t.Helper()
		if err := s.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	base := Open(dir, "build")
	for i := range 50 {
		base.Put(KeyOf([]byte(fmt.Sprint(i))), bytes.Repeat([]byte("b"), 10<<10))
	}
	flush(base)
	basePack := packs(t, dir)[0]
	for run := range maxPacks { // each run rewrites one base key and adds one; the last one merges
		time.Sleep(10 * time.Millisecond) // packs are ordered by modification time
		s := Open(dir, "build")
		s.Put(KeyOf([]byte(fmt.Sprint(run))), []byte(fmt.Sprint("run ", run)))
		s.Put(KeyOf([]byte(fmt.Sprint("new ", run))), []byte("new"))
		flush(s)
	}
	p := packs(t, dir)
	if len(p) != 2 || !slices.Contains(p, basePack) {
		t.Fatalf("packs after merging the small ones: %v, want the base pack %s and one more", p, basePack)
	}
	s := Open(dir, "build")
	for i := range 50 {
		want := bytes.Repeat([]byte("b"), 10<<10)
		if i < maxPacks {
			want = []byte(fmt.Sprint("run ", i))
		}
		if got, ok := s.Get(KeyOf([]byte(fmt.Sprint(i)))); !ok || !bytes.Equal(got, want) {
			t.Errorf("key %d: %q (found: %v), want its latest entry", i, got[:min(len(got), 12)], ok)
		}
	}
	for run := range maxPacks {
		if _, ok := s.Get(KeyOf([]byte(fmt.Sprint("new ", run)))); !ok {
			t.Errorf("the key added by run %d is missing", run)
		}
	}
	// small packs that add up to more than the base: all are merged
	for run := range maxPacks {
		time.Sleep(10 * time.Millisecond)
		s := Open(dir, "build")
		s.Put(KeyOf([]byte(fmt.Sprint("big ", run))), bytes.Repeat([]byte("x"), 100<<10))
		flush(s)
	}
	if p := packs(t, dir); slices.Contains(p, basePack) || len(p) > 2 {
		t.Errorf("packs after merging when no pack holds most of the bytes: %v, want the base pack merged", p)
	}
	s = Open(dir, "build")
	for _, k := range []string{"0", "49", "new 0", "big 0", fmt.Sprint("big ", maxPacks-1)} {
		if _, ok := s.Get(KeyOf([]byte(k))); !ok {
			t.Errorf("key %q is missing after the merges", k)
		}
	}
}
