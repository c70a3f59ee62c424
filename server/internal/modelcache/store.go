package modelcache

import (
	"cmp"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Store keeps entries in pack files, one directory per build:
//
//	<dir>/<hash of the stamp>/<random>.pack
//
// A run reads the index of every pack once and writes at most one new pack,
// of the entries it added (creating a file costs far more than writing one
// on most file systems, so one file per entry made a cold run slower than no
// cache). A pack is its entries' payloads, then an index (key, offset, length
// and CRC-32C of each payload), the index's length, its CRC and a magic
// string. A pack whose trailer or index does not check out is ignored; an
// entry whose payload does not match its CRC is a miss. Packs are written
// to a temporary file renamed into place, so concurrent runs see a whole
// pack or none, and never write into one another's.
type Store struct {
	dir   string // the cache directory
	stamp string
	// MaxBytes bounds the size of the build's packs: above it, Close keeps
	// only the entries this run used.
	MaxBytes int64

	mu     sync.Mutex
	loaded bool
	packs  []*os.File
	index  map[Key][]location // a key may be in several packs
	used   map[Key]bool
	// pending are the entries put since the last Flush, written to out.
	pending map[Key]location
	out     *packWriter
	failed  bool
}

type location struct {
	pack      *os.File
	off, size int64
	crc       uint32
}

const (
	magic = "alembic-patterns pack 1\n"
	// indexEntry: key, offset, length, CRC.
	indexEntry = sha256.Size + 8 + 8 + 4
	// trailer: index length, index CRC, magic.
	trailer = 8 + 4 + len(magic)
	// maxPacks: when a run sees more packs, it merges them into one.
	maxPacks = 8
	// DefaultMaxBytes: about 40,000 revision files of generated projects.
	DefaultMaxBytes = 512 << 20
	// staleBuild: the packs of another build unused this long are removed.
	staleBuild = 24 * time.Hour
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Open returns the store for this build in dir. Nothing is read before the
// first Get. A Store is safe for concurrent use.
func Open(dir, stamp string) *Store {
	return &Store{dir: dir, stamp: stamp, MaxBytes: DefaultMaxBytes, used: map[Key]bool{}, pending: map[Key]location{}}
}

// Key is the key of content (any bytes naming what an entry is of).
type Key [sha256.Size]byte

// KeyOf hashes the parts, each length-prefixed.
func KeyOf(parts ...[]byte) Key {
	h := sha256.New()
	for _, p := range parts {
		h.Write(binary.AppendUvarint(nil, uint64(len(p))))
		h.Write(p)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

func (s *Store) buildDir() string {
	sum := sha256.Sum256([]byte(s.stamp))
	return filepath.Join(s.dir, hex.EncodeToString(sum[:8]))
}

// load reads the index of every pack of the build, the newest first (s.mu
// held): an entry whose key names something that changes (a check result)
// is read as it was written last.
func (s *Store) load() {
	if s.loaded {
		return
	}
	s.loaded = true
	s.index = map[Key][]location{}
	names, _ := filepath.Glob(filepath.Join(s.buildDir(), "*.pack"))
	written := map[string]int64{}
	for _, name := range names {
		if info, err := os.Stat(name); err == nil {
			written[name] = info.ModTime().UnixNano()
		}
	}
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(written[b], written[a]) })
	for _, name := range names {
		f, err := openRegular(name)
		if err != nil {
			continue
		}
		entries, ok := readIndex(f)
		if !ok {
			f.Close()
			continue
		}
		s.packs = append(s.packs, f)
		for k, loc := range entries {
			s.index[k] = append(s.index[k], loc)
		}
	}
}

// unload closes the packs read (s.mu held).
func (s *Store) unload() {
	for _, f := range s.packs {
		f.Close()
	}
	s.loaded, s.packs, s.index, s.used = false, nil, nil, map[Key]bool{}
}

// openRegular opens a regular file without blocking should it be a FIFO.
func openRegular(name string) (*os.File, error) {
	info, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("modelcache: not a regular file")
	}
	return os.Open(name)
}

func readIndex(f *os.File) (map[Key]location, bool) {
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() < int64(trailer) {
		return nil, false
	}
	size := info.Size()
	t := make([]byte, trailer)
	if _, err := f.ReadAt(t, size-int64(trailer)); err != nil || string(t[12:]) != magic {
		return nil, false
	}
	n := binary.LittleEndian.Uint64(t)
	if n%indexEntry != 0 || n > uint64(size-int64(trailer)) {
		return nil, false
	}
	idx := make([]byte, n)
	start := size - int64(trailer) - int64(n)
	if _, err := f.ReadAt(idx, start); err != nil || crc32.Checksum(idx, crcTable) != binary.LittleEndian.Uint32(t[8:]) {
		return nil, false
	}
	out := make(map[Key]location, n/indexEntry)
	for e := idx; len(e) > 0; e = e[indexEntry:] {
		var k Key
		copy(k[:], e)
		off := int64(binary.LittleEndian.Uint64(e[32:]))
		length := int64(binary.LittleEndian.Uint64(e[40:]))
		if off < 0 || length < 0 || off > start || length > start-off {
			return nil, false
		}
		out[k] = location{pack: f, off: off, size: length, crc: binary.LittleEndian.Uint32(e[48:])}
	}
	return out, true
}

// Get returns the payload stored under k, or false.
func (s *Store) Get(k Key) ([]byte, bool) {
	s.mu.Lock()
	s.load()
	locs := s.index[k]
	if len(locs) > 0 {
		s.used[k] = true
	}
	s.mu.Unlock()
	for _, loc := range locs {
		if data, ok := loc.read(); ok {
			return data, true
		}
	}
	return nil, false
}

// Written returns the payload put under k since the last Flush, if any
// (read back from the pack being written).
func (s *Store) Written(k Key) ([]byte, bool) {
	s.mu.Lock()
	loc, ok := s.pending[k]
	s.mu.Unlock()
	if !ok {
		return nil, false
	}
	return loc.read()
}

// read returns the payload if it matches its CRC (a pack closed meanwhile
// by Flush fails the read: a miss).
func (loc location) read() ([]byte, bool) {
	data := make([]byte, loc.size)
	if _, err := loc.pack.ReadAt(data, loc.off); err != nil || crc32.Checksum(data, crcTable) != loc.crc {
		return nil, false
	}
	return data, true
}

// Put stores payload under k: it is appended to the pack this run writes
// (so that a cold run does not hold every model twice), which Flush
// completes (Written reads it meanwhile); it reports whether the entry is in
// the pack. A write error drops this run's pack. It keeps nothing of
// payload's memory (the encoder writes the next entry there).
func (s *Store) Put(k Key, payload []byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.pending[k]; dup || s.failed {
		return !s.failed
	}
	if s.out == nil {
		s.out = &packWriter{dir: s.buildDir()}
	}
	loc, err := s.out.add(k, payload)
	if err != nil {
		s.out.abandon()
		s.out, s.failed = nil, true
		return false
	}
	s.pending[k] = loc
	return true
}

// Flush completes the pack of the entries put since the last Flush. When the
// build has too many packs, or they take more than MaxBytes, the pack gets
// every entry (only those used since the last Flush, above MaxBytes) and the
// packs read are removed; when there are only too many, a pack that holds
// most of the bytes is left as it is and the others are merged. It also removes the packs of builds unused for a
// day. The store stays usable (the next Get reads the packs again).
func (s *Store) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.out, s.failed, s.pending = nil, false, map[Key]location{} }()
	// The next Get reads the index again: it sees the packs other processes
	// wrote meanwhile (the MCP server finds what the hook parsed).
	defer s.unload()
	if s.out == nil {
		return nil
	}
	s.load()
	var total int64
	sizes := map[*os.File]int64{}
	for _, locs := range s.index {
		for _, loc := range locs {
			total += loc.size
			sizes[loc.pack] += loc.size
		}
	}
	merge := len(s.packs) >= maxPacks || total > s.MaxBytes
	// merged are the packs a merge copies; nil: all. Merging because of their
	// number leaves alone a pack that holds most of the bytes: an edit loop
	// writes a small pack a run, and copying tens of megabytes every few runs
	// made one run in eight several times slower.
	var merged map[*os.File]bool
	if merge && total <= s.MaxBytes {
		largest := s.packs[0]
		for _, f := range s.packs {
			if sizes[f] > sizes[largest] {
				largest = f
			}
		}
		if sizes[largest]*2 > total {
			merged = map[*os.File]bool{}
			for _, f := range s.packs {
				merged[f] = f != largest
			}
		}
	}
	if merge {
		for k, locs := range s.index {
			if _, dup := s.pending[k]; dup || total > s.MaxBytes && !s.used[k] {
				continue
			}
			if merged != nil && !merged[locs[0].pack] {
				continue // its latest entry stays where it is
			}
			for _, loc := range locs {
				if data, ok := loc.read(); ok {
					if _, err := s.out.add(k, data); err != nil {
						s.out.abandon()
						return err
					}
					break
				}
			}
		}
	}
	if err := s.out.finish(); err != nil {
		return err
	}
	if merge {
		for _, f := range s.packs {
			if merged == nil || merged[f] {
				os.Remove(f.Name()) // a reader holding it open still reads it
			}
		}
	}
	s.removeStaleBuilds()
	return nil
}

// packWriter writes a pack to a temporary file, renamed into place when
// complete.
type packWriter struct {
	dir string
	tmp *os.File
	off int64
	idx []byte
}

func (w *packWriter) add(k Key, payload []byte) (location, error) {
	if w.tmp == nil {
		if err := os.MkdirAll(w.dir, 0o700); err != nil {
			return location{}, err
		}
		tmp, err := os.CreateTemp(w.dir, ".tmp-*")
		if err != nil {
			return location{}, err
		}
		w.tmp = tmp
	}
	if _, err := w.tmp.Write(payload); err != nil {
		return location{}, err
	}
	loc := location{pack: w.tmp, off: w.off, size: int64(len(payload)), crc: crc32.Checksum(payload, crcTable)}
	w.idx = append(w.idx, k[:]...)
	w.idx = binary.LittleEndian.AppendUint64(w.idx, uint64(loc.off))
	w.idx = binary.LittleEndian.AppendUint64(w.idx, uint64(loc.size))
	w.idx = binary.LittleEndian.AppendUint32(w.idx, loc.crc)
	w.off += loc.size
	return loc, nil
}

// finish writes the index and trailer and renames the pack into place.
func (w *packWriter) finish() error {
	tail := binary.LittleEndian.AppendUint64(w.idx, uint64(len(w.idx)))
	tail = binary.LittleEndian.AppendUint32(tail, crc32.Checksum(w.idx, crcTable))
	tail = append(tail, magic...)
	_, err := w.tmp.Write(tail)
	if cerr := w.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(w.tmp.Name(), filepath.Join(w.dir, rand.Text()+".pack"))
	}
	if err != nil {
		os.Remove(w.tmp.Name())
	}
	return err
}

func (w *packWriter) abandon() {
	if w.tmp != nil {
		w.tmp.Close()
		os.Remove(w.tmp.Name())
	}
}

// removeStaleBuilds removes the directories of other builds in which nothing
// was written for staleBuild, and temporary files a killed writer left.
func (s *Store) removeStaleBuilds() {
	current := s.buildDir()
	dirs, _ := os.ReadDir(s.dir)
	for _, d := range dirs {
		path := filepath.Join(s.dir, d.Name())
		info, err := d.Info()
		if err != nil || !d.IsDir() {
			continue
		}
		if path != current && time.Since(info.ModTime()) > staleBuild {
			os.RemoveAll(path)
		}
	}
	temps, _ := filepath.Glob(filepath.Join(current, ".tmp-*"))
	for _, t := range temps {
		if info, err := os.Stat(t); err == nil && time.Since(info.ModTime()) > time.Hour && strings.HasPrefix(filepath.Base(t), ".tmp-") {
			os.Remove(t)
		}
	}
}
