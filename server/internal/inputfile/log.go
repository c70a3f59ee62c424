package inputfile

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// A Log records what a computation learned from the file system: the files
// it read, the files and directories it looked at, the directories it listed
// and the symlinks it resolved, each with a digest of what it saw. While
// every digest is the same, the computation would see the same inputs, so
// its result can be reused (check results are cached this way, as Go's test
// cache reuses a test's result while the files it opened are unchanged).
//
// A log covers the reads made through this package's functions while it is
// active. Code that can run under a log reads the file system only through
// them (a test of the check's packages enforces it).
type Log struct {
	mu      sync.Mutex
	entries map[Access]Digest
	seen    map[Access]Seen // of the reads, when their stamp can be trusted
}

// Access is one question asked of the file system.
type Access struct {
	Kind AccessKind
	Path string
	// Limit is the size limit of a read (a file past it reads as an error).
	Limit int64
	// Seen is the stamp of a file read when its bytes were read (Taken 0:
	// none). It is not part of the question: a log keys accesses without it.
	Seen Seen
}

// Seen is a file's stamp and when it was taken (ns): while the file's stamp
// is the same, and was not racy, its bytes are too, and a check of the
// access need not read them again (3,000 revision files: a stat each).
type Seen struct {
	Stamp Stamp
	Taken int64
}

// Trusts reports whether a file stamped now still holds the bytes read
// when s was seen.
func (s Seen) Trusts(now Stamp) bool {
	return s.Taken != 0 && s.Stamp == now && !s.Stamp.Racy(s.Taken)
}

// holds reports whether the file at path still has the stamp seen.
func (s Seen) holds(path string) bool {
	if s.Taken == 0 {
		return false
	}
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	now, ok := StampOf(info)
	return ok && s.Trusts(now)
}

// AccessKind says what was asked.
type AccessKind uint8

const (
	ReadFile     AccessKind = iota + 1 // the content (Read)
	StatPath                           // its type, size and time (Stat)
	LstatPath                          // the same, of a symlink itself (Lstat)
	ListDir                            // the names and types of its entries (ReadDir)
	ResolveLinks                       // the path with symlinks resolved (EvalSymlinks)
)

// Digest is what an access saw, hashed.
type Digest [32]byte

// EncodeAccesses writes accesses and their digests compactly (a stored
// result's log holds one entry per file of the project; as JSON they took
// longer to decode than the check they save on small projects).
func EncodeAccesses(accesses []Access, digests []Digest) []byte {
	out := binary.AppendUvarint(nil, uint64(len(accesses)))
	for i, a := range accesses {
		out = append(out, byte(a.Kind))
		out = binary.AppendVarint(out, a.Limit)
		st := a.Seen.Stamp
		for _, n := range []int64{a.Seen.Taken, st.Size, st.Modified, st.Changed, int64(st.Inode), int64(st.Device)} {
			out = binary.AppendVarint(out, n)
		}
		out = binary.AppendUvarint(out, uint64(len(a.Path)))
		out = append(out, a.Path...)
		out = append(out, digests[i][:]...)
	}
	return out
}

// DecodeAccesses reads what EncodeAccesses wrote.
func DecodeAccesses(data []byte) ([]Access, []Digest, error) {
	bad := errors.New("inputfile: malformed accesses")
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)) {
		return nil, nil, bad
	}
	data = data[k:]
	accesses, digests := make([]Access, n), make([]Digest, n)
	for i := range accesses {
		if len(data) < 1 {
			return nil, nil, bad
		}
		a := Access{Kind: AccessKind(data[0])}
		data = data[1:]
		limit, k := binary.Varint(data)
		if k <= 0 {
			return nil, nil, bad
		}
		a.Limit, data = limit, data[k:]
		var seen [6]int64
		for j := range seen {
			if seen[j], k = binary.Varint(data); k <= 0 {
				return nil, nil, bad
			}
			data = data[k:]
		}
		a.Seen = Seen{Taken: seen[0], Stamp: Stamp{Size: seen[1], Modified: seen[2], Changed: seen[3],
			Inode: uint64(seen[4]), Device: uint64(seen[5])}}
		size, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < size+uint64(len(Digest{})) {
			return nil, nil, bad
		}
		data = data[k:]
		a.Path, data = string(data[:size]), data[size:]
		copy(digests[i][:], data)
		accesses[i], data = a, data[len(Digest{}):]
	}
	if len(data) != 0 {
		return nil, nil, bad
	}
	return accesses, digests, nil
}

var active atomic.Pointer[Log]

// StartLog makes a new log the active one (replacing any other) and returns it.
func StartLog() *Log {
	l := &Log{entries: map[Access]Digest{}, seen: map[Access]Seen{}}
	active.Store(l)
	return l
}

// Stop deactivates the log; it keeps what it recorded.
func (l *Log) Stop() { active.CompareAndSwap(l, nil) }

// Accesses returns the recorded accesses with the digests seen, sorted by path.
func (l *Log) Accesses() ([]Access, []Digest) {
	l.mu.Lock()
	defer l.mu.Unlock()
	accesses := make([]Access, 0, len(l.entries))
	for a := range l.entries {
		accesses = append(accesses, a)
	}
	slices.SortFunc(accesses, func(a, b Access) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Limit, b.Limit))
	})
	digests := make([]Digest, len(accesses))
	for i, a := range accesses {
		digests[i] = l.entries[a]
		accesses[i].Seen = l.seen[a]
	}
	return accesses, digests
}

// record keeps the first digest seen for an access: a later different one
// (a file changed during the run) would make the result's inputs ambiguous,
// so it is kept as an unmatchable digest.
func record(a Access, d Digest) {
	l := active.Load()
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if old, seen := l.entries[a]; seen && old != d {
		d = Digest{} // never equal to a real digest: the entry is not reused
	}
	l.entries[a] = d
}

// recordRead is record for a read whose file had the stamp seen; a file
// read twice with different stamps has none.
func recordRead(a Access, d Digest, seen Seen) {
	l := active.Load()
	if l == nil {
		return
	}
	record(a, d)
	l.mu.Lock()
	defer l.mu.Unlock()
	if old, read := l.seen[a]; read && old != seen {
		seen = Seen{}
	}
	l.seen[a] = seen
}

// Unchanged reports whether every access would see what its digest says,
// checking them in parallel.
func Unchanged(accesses []Access, digests []Digest) bool {
	if len(accesses) != len(digests) {
		return false
	}
	var changed atomic.Bool
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(accesses) && !changed.Load(); i += workers {
				a := accesses[i]
				if digests[i] != (Digest{}) && a.Kind == ReadFile && a.Seen.holds(a.Path) {
					continue // the same stamp: the same bytes, without reading them
				}
				if digests[i] == (Digest{}) || see(a) != digests[i] {
					changed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return !changed.Load()
}

// rereads counts the files see read again (for tests: a stamp that holds
// saves the read).
var rereads atomic.Int64

// see performs an access again, without recording it.
func see(a Access) Digest {
	switch a.Kind {
	case ReadFile:
		rereads.Add(1)
		data, err := readLimited(a.Path, a.Limit)
		return contentDigest(data, err)
	case StatPath:
		info, err := os.Stat(a.Path)
		return infoDigest(info, err)
	case LstatPath:
		info, err := os.Lstat(a.Path)
		return infoDigest(info, err)
	case ListDir:
		entries, err := os.ReadDir(a.Path)
		return listDigest(entries, err)
	case ResolveLinks:
		real, err := filepath.EvalSymlinks(a.Path)
		return resolvedDigest(real, err)
	}
	return Digest{}
}

// digester hashes a sequence of fields without ambiguity (each is
// length-prefixed).
type digester struct{ buf []byte }

func (d *digester) add(b []byte) *digester {
	d.buf = binary.AppendUvarint(d.buf, uint64(len(b)))
	d.buf = append(d.buf, b...)
	return d
}

func (d *digester) addString(s string) *digester { return d.add([]byte(s)) }

func (d *digester) addInt(n int64) *digester {
	d.buf = binary.AppendVarint(d.buf, n)
	return d
}

func (d *digester) sum() Digest { return sha256.Sum256(d.buf) }

// failure is what an error says about the file, without its path: the kind
// of failure decides the outcome, not the wording.
func failure(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "absent"
	case errors.Is(err, ErrTooLarge):
		return "too large"
	case errors.Is(err, ErrNotRegular):
		return "not regular: " + Reason(err)
	}
	return "error"
}

func contentDigest(data []byte, err error) Digest {
	if err != nil {
		return (&digester{}).addString("error").addString(failure(err)).sum()
	}
	return contentSumDigest(sha256.Sum256(data))
}

// contentSumDigest is the digest of a read of bytes whose SHA-256 is sum.
func contentSumDigest(sum [sha256.Size]byte) Digest {
	return (&digester{}).addString("content").add(sum[:]).sum()
}

func infoDigest(info fs.FileInfo, err error) Digest {
	d := &digester{}
	if err != nil {
		return d.addString("error").addString(failure(err)).sum()
	}
	return d.addString("info").addInt(int64(info.Mode())).addInt(info.Size()).addInt(info.ModTime().UnixNano()).sum()
}

func listDigest(entries []fs.DirEntry, err error) Digest {
	d := &digester{}
	if err != nil {
		return d.addString("error").addString(failure(err)).sum()
	}
	d.addString("list")
	for _, e := range entries {
		d.addString(e.Name()).addInt(int64(e.Type()))
	}
	return d.sum()
}

func resolvedDigest(real string, err error) Digest {
	d := &digester{}
	if err != nil {
		return d.addString("error").addString(failure(err)).sum()
	}
	return d.addString("resolved").addString(real).sum()
}

// Recall serves a reader that keeps what it read of files by their stamps
// (the model cache's stat index): it stats the file at path, and recalled
// says whether the reader knows the bytes a file so stated holds: their
// SHA-256, and the Seen of the read that got them. When it does, the active
// log records a read of the file, as Read with this limit would have, and
// Recall reports true: the caller need not read the file. Otherwise nothing
// is recorded, and the caller reads the file through Read.
func Recall(path string, limit int64, recalled func(fs.FileInfo) (sum [sha256.Size]byte, seen Seen, ok bool)) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	sum, seen, ok := recalled(info)
	if ok && active.Load() != nil {
		recordRead(Access{Kind: ReadFile, Path: path, Limit: limit}, contentSumDigest(sum), seen)
	}
	return ok
}

// Stat is os.Stat, recorded by the active log.
func Stat(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if active.Load() != nil {
		record(Access{Kind: StatPath, Path: path}, infoDigest(info, err))
	}
	return info, err
}

// Lstat is os.Lstat, recorded by the active log.
func Lstat(path string) (fs.FileInfo, error) {
	info, err := os.Lstat(path)
	if active.Load() != nil {
		record(Access{Kind: LstatPath, Path: path}, infoDigest(info, err))
	}
	return info, err
}

// ReadDir is os.ReadDir, recorded by the active log.
func ReadDir(dir string) ([]fs.DirEntry, error) {
	entries, err := os.ReadDir(dir)
	if active.Load() != nil {
		record(Access{Kind: ListDir, Path: dir}, listDigest(entries, err))
	}
	return entries, err
}

// EvalSymlinks is filepath.EvalSymlinks, recorded by the active log.
func EvalSymlinks(path string) (string, error) {
	real, err := filepath.EvalSymlinks(path)
	if active.Load() != nil {
		record(Access{Kind: ResolveLinks, Path: path}, resolvedDigest(real, err))
	}
	return real, err
}

// Glob is filepath.Glob for a pattern whose magic is in its last element
// only; the directory it lists is recorded by the active log.
func Glob(pattern string) ([]string, error) {
	if active.Load() != nil {
		_, _ = ReadDir(filepath.Dir(pattern))
	}
	return filepath.Glob(pattern)
}

// WalkDir is filepath.WalkDir; every directory it enters is recorded by the
// active log as listed (its files are recorded when read).
func WalkDir(root string, fn fs.WalkDirFunc) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if active.Load() != nil {
			if path == root {
				_, _ = Lstat(path) // as WalkDir sees the root
			}
			if err == nil && d.IsDir() {
				_, _ = ReadDir(path)
			}
		}
		return fn(path, d, err)
	})
}
