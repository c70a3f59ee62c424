package modelcache

import (
	"crypto/sha256"
	"io/fs"
	"path/filepath"
	"sync"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// A file's header is read through the stat index: the cache remembers, per
// directory, what stat said of each file when its bytes were last read, the
// key of those bytes and the header read from them. A file whose stamp is
// the same and was not racy (see inputfile.Stamp) is not read again and its
// header is the one recorded.

// statRecord is a file's stamp and when it was taken, the key of the bytes
// read right after, and the header read from them: a directory's headers
// decode in one piece rather than one entry a file.
type statRecord struct {
	Seen   inputfile.Seen
	Bytes  Key
	Header entry
	// Content is the SHA-256 of the bytes: a check whose reads are logged
	// (resultcache) records the read it saved (inputfile.Recall).
	Content [sha256.Size]byte
}

// statIndex is the index of one directory, loaded from the cache once.
type statIndex struct {
	load  sync.Once
	mu    sync.Mutex
	files map[string]statRecord // by base name
	dirty bool
}

// index returns the stat index of dir.
func (c *Cache) index(dir string) *statIndex {
	v, _ := c.indexes.LoadOrStore(dir, &statIndex{})
	idx := v.(*statIndex)
	idx.load.Do(func() {
		if !c.LoadValue(indexName(dir), &idx.files) || idx.files == nil {
			idx.files = map[string]statRecord{}
		}
	})
	return idx
}

// Prefetch loads the stat index of dir on a core of its own, while the
// caller lists the directory: reading every header waits for it.
func (c *Cache) Prefetch(dir string) {
	if c != nil {
		go c.index(filepath.Clean(dir))
	}
}

func indexName(dir string) []byte { return []byte("stat index\x00" + dir) }

// known returns the record of path when its stat is the one recorded
// (trusted; the active log then records a read of the file), and the stamp
// taken (ok false when stat fails).
func (c *Cache) known(path string) (rec statRecord, trusted bool, stamp inputfile.Stamp, taken int64, ok bool) {
	taken = time.Now().UnixNano()
	trusted = inputfile.Recall(path, migration.MaxFileSize, func(info fs.FileInfo) ([sha256.Size]byte, inputfile.Seen, bool) {
		if !info.Mode().IsRegular() {
			return [sha256.Size]byte{}, inputfile.Seen{}, false
		}
		if stamp, ok = inputfile.StampOf(info); !ok {
			return [sha256.Size]byte{}, inputfile.Seen{}, false
		}
		idx := c.index(filepath.Dir(path))
		idx.mu.Lock()
		found, was := idx.files[filepath.Base(path)]
		idx.mu.Unlock()
		if was && found.Seen.Trusts(stamp) && (found.Header.Model != nil || found.Header.Err != nil) {
			rec = found
			return rec.Content, rec.Seen, true
		}
		return [sha256.Size]byte{}, inputfile.Seen{}, false
	})
	return rec, trusted, stamp, taken, ok
}

// remember records that path, stamped so at taken, held the bytes of key,
// whose header is header, and reports whether the index holds it. A racy
// record is not kept (it would never be trusted): a file being edited does
// not cost a rewrite of its directory's index on every run.
func (c *Cache) remember(path string, stamp inputfile.Stamp, taken int64, bytes Key, content [sha256.Size]byte, header entry) bool {
	rec := statRecord{Seen: inputfile.Seen{Stamp: stamp, Taken: taken}, Bytes: bytes, Header: header, Content: content}
	if rec.Seen.Stamp.Racy(taken) {
		return false
	}
	idx := c.index(filepath.Dir(path))
	idx.mu.Lock()
	defer idx.mu.Unlock()
	// a record that says no more than the one kept is not written again
	if old, found := idx.files[filepath.Base(path)]; !found || old.Seen.Stamp != rec.Seen.Stamp || old.Bytes != rec.Bytes || old.Header.Model == nil && old.Header.Err == nil {
		idx.files[filepath.Base(path)] = rec
		idx.dirty = true
	}
	return true
}

// keepIndexes keeps the stat indexes that changed (Flush writes them).
func (c *Cache) keepIndexes() {
	c.indexes.Range(func(dir, v any) bool {
		idx := v.(*statIndex)
		idx.mu.Lock()
		defer idx.mu.Unlock()
		if idx.dirty {
			c.KeepValue(indexName(dir.(string)), &idx.files)
			idx.dirty = false
		}
		return true
	})
}
