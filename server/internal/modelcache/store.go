package modelcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
)

// Store is a directory of entries, each a file named by its key under a
// directory named by the build's stamp:
//
//	<dir>/<stamp>/<key[:2]>/<key>
//
// An entry holds a header (magic, stamp, key, payload length, CRC-32C of the
// payload) and the payload. A read returns the payload only when all of these
// match, so a truncated, corrupt, foreign or misplaced entry is a miss. Writes
// go to a temporary file renamed into place: a reader sees a whole entry or
// none, and concurrent writers of one key write the same bytes.
type Store struct {
	dir   string // the cache directory
	stamp string
	// MaxBytes bounds the size of the cache directory: Trim evicts the least
	// recently used entries above it.
	MaxBytes int64
}

const (
	magic      = "alembic-patterns cache 1\n"
	headerSize = len(magic) + sha256.Size + sha256.Size + 8 + 4
	// maxEntry bounds an entry read (a model is a few times its file, and a
	// revision file is at most migration.MaxFileSize).
	maxEntry = 256 << 20
	// DefaultMaxBytes: about 10,000 revision files of generated projects.
	DefaultMaxBytes = 512 << 20
	// touchAfter: a hit refreshes the entry's modification time (its age for
	// eviction) when it is older than this, so reads rarely write.
	touchAfter = time.Hour
	// trimEvery: Trim walks the directory at most this often.
	trimEvery = 10 * time.Minute
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Open returns the store for this build in dir.
func Open(dir, stamp string) *Store {
	return &Store{dir: dir, stamp: stamp, MaxBytes: DefaultMaxBytes}
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

func (s *Store) stampDir() string {
	sum := sha256.Sum256([]byte(s.stamp))
	return filepath.Join(s.dir, hex.EncodeToString(sum[:8]))
}

func (s *Store) path(k Key) string {
	name := hex.EncodeToString(k[:])
	return filepath.Join(s.stampDir(), name[:2], name)
}

func (s *Store) header(k Key, payload []byte) []byte {
	h := make([]byte, 0, headerSize)
	h = append(h, magic...)
	stamp := sha256.Sum256([]byte(s.stamp))
	h = append(h, stamp[:]...)
	h = append(h, k[:]...)
	h = binary.LittleEndian.AppendUint64(h, uint64(len(payload)))
	return binary.LittleEndian.AppendUint32(h, crc32.Checksum(payload, crcTable))
}

// Get returns the payload stored under k, or false.
func (s *Store) Get(k Key) ([]byte, bool) {
	p := s.path(k)
	data, err := inputfile.Read(p, maxEntry) // never blocks on a FIFO put there
	if err != nil || len(data) < headerSize {
		return nil, false
	}
	payload := data[headerSize:]
	if !bytes.Equal(data[:headerSize], s.header(k, payload)) {
		return nil, false
	}
	if info, err := os.Stat(p); err == nil && time.Since(info.ModTime()) > touchAfter {
		now := time.Now()
		_ = os.Chtimes(p, now, now) // only the eviction order depends on it
	}
	return payload, true
}

// Put stores payload under k, replacing any entry.
func (s *Store) Put(k Key, payload []byte) error {
	p := s.path(k)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(append(s.header(k, payload), payload...))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// Trim bounds the cache: at most every trimEvery (across processes, by the
// modification time of a marker file), it removes the directories of other
// builds that were not used for a day, then the least recently used entries
// and stray temporary files until the rest fits in MaxBytes.
func (s *Store) Trim() error {
	marker := filepath.Join(s.dir, "trimmed")
	if info, err := os.Stat(marker); err == nil && time.Since(info.ModTime()) < trimEvery {
		return nil
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(marker, nil, 0o600); err != nil {
		return err
	}
	type entry struct {
		path string
		size int64
		mod  time.Time
	}
	var entries []entry
	var total int64
	current := s.stampDir()
	builds, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	for _, b := range builds {
		dir := filepath.Join(s.dir, b.Name())
		if !b.IsDir() {
			continue
		}
		var inDir []entry
		var size int64
		var newest time.Time
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			if filepath.Base(path)[0] == '.' && time.Since(info.ModTime()) > time.Hour {
				os.Remove(path) // a temporary file a killed writer left
				return nil
			}
			inDir = append(inDir, entry{path, info.Size(), info.ModTime()})
			size += info.Size()
			if info.ModTime().After(newest) {
				newest = info.ModTime()
			}
			return nil
		})
		if dir != current && time.Since(newest) > 24*time.Hour {
			os.RemoveAll(dir) // another build's, unused for a day
			continue
		}
		entries = append(entries, inDir...)
		total += size
	}
	if total <= s.MaxBytes {
		return nil
	}
	slices.SortFunc(entries, func(a, b entry) int { return a.mod.Compare(b.mod) })
	for _, e := range entries {
		if total <= s.MaxBytes*3/4 {
			break
		}
		if os.Remove(e.path) == nil {
			total -= e.size
		}
	}
	return nil
}
