// Package modelcache is the persistent cache of parsed revision files that
// the CLI, pre-commit, the hook and the MCP server share: the model of a file
// is kept on disk under the hash of its path and bytes, for the build that
// parsed it, so that a run parses only the files that changed since any run
// before it (ruff's and Go's build caches work the same way).
//
// It is an optimisation only, built never to change a finding:
//
//   - a model is found by the file's path and bytes, never by its size or
//     modification time, so an edit is always seen; a header (ParseHeader)
//     is found the same way unless the file's whole stat, change time
//     included, is as it was when its bytes were last read, long enough after
//     its last modification for any later edit to show (statindex.go);
//   - it is read only by the build that wrote it (Stamp): a model type that
//     changes between builds is never decoded from an old entry;
//   - a truncated, corrupt or foreign entry (header, checksum, length, a
//     decode error) is a miss: the file is parsed and the entry rewritten;
//   - a model package codec cannot write exactly is not stored;
//   - entries are written in packs, each to a temporary file renamed into
//     place, so concurrent runs (pre-commit runs hooks in parallel) and
//     killed runs never leave a partial one;
//   - the cache is bounded (Store.Flush keeps what was used last above
//     Store.MaxBytes, and removes the packs of builds unused for a day).
package modelcache

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/codec"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// Cache parses revision files through a Store. A nil *Cache parses without
// one.
type Cache struct {
	store *Store
	log   zerolog.Logger
	// hits and misses count the files read from the cache and parsed.
	hits, misses atomic.Int64
	// parsed holds the whole models ParseHeader parsed, by path (a
	// parsedBytes), until Parse asks for them: a check that wanted headers
	// and then finds it needs whole models neither parses nor reads the files
	// twice (a second read was logged with another stamp, which made the
	// next run's result cache read every file again).
	parsed sync.Map
	// indexes are the stat indexes read and written, by directory (see
	// statindex.go); digests the key of the bytes last read of each file.
	indexes, digests sync.Map
	// encoding holds the entries of the files parsed until they are encoded.
	encoding later
}

// entry is what is stored of one parse: the model and the file error it
// came with (a file with a syntax error has both).
type entry struct {
	Model *migration.Migration
	Err   *migration.FileError
}

// entryOf is the entry stored for a parse. The model's source is left out:
// the key is its hash, and the file gives it back.
func entryOf(m *migration.Migration, err *migration.FileError) entry {
	e := entry{Err: err}
	if m != nil {
		stored := *m
		stored.Source = nil
		e.Model = &stored
	}
	return e
}

// parsed is what an entry gives back: its error is nil, not a nil
// *FileError, when the file parsed.
func (e entry) parsed() parsed {
	if e.Err != nil {
		return parsed{e.Model, e.Err}
	}
	return parsed{model: e.Model}
}

// parsed is the outcome of a parse: the model, and the error it came with.
type parsed struct {
	model *migration.Migration
	err   error
}

// Dir is where the cache lives, from the environment: ALEMBIC_PATTERNS_CACHE_DIR;
// inside Claude Code, ${CLAUDE_PLUGIN_DATA}/cache; else
// $XDG_CACHE_HOME/alembic-patterns (the user cache directory of the system).
// "" when there is none.
func Dir(getenv func(string) string) string {
	if d := getenv("ALEMBIC_PATTERNS_CACHE_DIR"); d != "" {
		return d
	}
	if d := getenv("CLAUDE_PLUGIN_DATA"); d != "" {
		return filepath.Join(d, "cache")
	}
	if d := getenv("XDG_CACHE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "alembic-patterns")
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "alembic-patterns")
	}
	return ""
}

// New opens the cache in dir; nil (no caching) when dir is "" or the running
// build cannot be identified.
func New(dir string, log zerolog.Logger) *Cache {
	if dir == "" {
		return nil
	}
	stamp, err := Stamp()
	if err != nil {
		log.Debug().Err(err).Msg("model cache off: cannot identify the build")
		return nil
	}
	return &Cache{store: Open(dir, stamp), log: log}
}

// Stamp names the running build: its module version and VCS revision, and
// the executable's path, size and modification time (a rebuild from a
// modified tree keeps the revision but not the file).
func Stamp() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	stamp := fmt.Sprintf("%s|%d|%d", exe, info.Size(), info.ModTime().UnixNano())
	if bi, ok := debug.ReadBuildInfo(); ok {
		stamp += "|" + bi.GoVersion + "|" + bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				stamp += "|" + s.Value
			}
		}
	}
	return stamp, nil
}

// Parse is a history.Parser: the model of the file as migration.ParseFile
// returns it, from the cache when the file's bytes were parsed before.
func (c *Cache) Parse(ctx context.Context, path string) (*migration.Migration, error) {
	if c == nil {
		return migration.ParseFile(ctx, path)
	}
	if v, ok := c.parsed.LoadAndDelete(path); ok {
		// the model of the bytes ParseHeader read (the header came from them)
		held := v.(*heldModel)
		c.digests.Store(path, held.bytes)
		if p, ok := held.take(&c.encoding); ok {
			return p.model, p.err
		}
		if payload, ok := c.store.Written(held.bytes); ok {
			if p, ok := c.decodeEntry(payload, path, held.src); ok {
				return p.model, p.err
			}
		}
		p, _ := c.fromSource(ctx, path, held.src, held.bytes, false) // its entry was not written
		return p.model, p.err
	}
	p, _, _, _ := c.parse(ctx, path, false)
	return p.model, p.err
}

// heldModel is what ParseHeader keeps of a file for Parse: the bytes it
// read and their key, and the whole model it parsed, until Parse takes it or
// the encoder lets go of it (see later).
type heldModel struct {
	bytes Key
	src   []byte
	mu    sync.Mutex
	model *parsed // nil once taken or let go of
}

// take is the model held, if it still is; it is no longer held.
func (h *heldModel) take(l *later) (parsed, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.model == nil {
		return parsed{}, false
	}
	p := *h.model
	h.model = nil
	l.holds(-1)
	return p, true
}

// letGo drops the model: its entry is in the store.
func (h *heldModel) letGo(l *later) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.model != nil {
		h.model = nil
		l.holds(-1)
	}
}

// ParseHeader is a history.Parser of headers: Parse's model cut to its
// Header. A file whose stat has not changed since its bytes were read is
// not read again: its header comes with the directory's stat index (see
// statindex.go), all of them in one decode. Otherwise it has an entry of
// its own, which decodes in a fraction of the time a whole model takes. A
// check of one revision reads every file's header and few whole models.
func (c *Cache) ParseHeader(ctx context.Context, path string) (*migration.Migration, error) {
	if c == nil {
		m, err := migration.ParseFile(ctx, path)
		if m != nil {
			m = m.Header()
		}
		return m, err
	}
	rec, trusted, stamp, taken, stamped := c.known(path)
	if trusted {
		c.hits.Add(1)
		c.digests.Store(path, rec.Bytes)
		p := rec.Header.parsed()
		return p.model, p.err
	}
	p, bytes, src, parsedNow := c.parse(ctx, path, true)
	fe, isFileError := p.err.(*migration.FileError)
	if src != nil && ctx.Err() == nil && (p.err == nil || isFileError) {
		header := entryOf(p.model, fe)
		if !(stamped && c.remember(path, stamp, taken, bytes, sha256.Sum256(src), header)) && parsedNow {
			c.encoding.add(c, pending{headerKey(bytes), path, header, nil}) // not in the index: an entry of its own
		}
	}
	return p.model, p.err
}

// Digest is the key of the bytes of path that Parse or ParseHeader read last
// (or found unchanged), if either did.
func (c *Cache) Digest(path string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	v, ok := c.digests.Load(path)
	if !ok {
		return nil, false
	}
	k := v.(Key)
	return k[:], true
}

// headerKey is the key of the header entry of a file whose whole model's
// key is bytes.
func headerKey(bytes Key) Key { return KeyOf([]byte("header"), bytes[:]) }

// entry reads the entry under key (src, when given, is the model's source).
func (c *Cache) entry(key Key, path string, src []byte) (parsed, bool) {
	payload, ok := c.store.Get(key)
	if !ok {
		return parsed{}, false
	}
	return c.decodeEntry(payload, path, src)
}

// decodeEntry decodes the payload of an entry.
func (c *Cache) decodeEntry(payload []byte, path string, src []byte) (parsed, bool) {
	var e entry
	decode := codec.Decode
	if src != nil {
		// a whole model: a replay keeps pieces of it (names, column types)
		// in its schema after letting go of the rest
		decode = codec.DecodeApart
	}
	if decode(payload, &e) != nil || e.Model == nil && e.Err == nil {
		c.log.Debug().Str("path", path).Msg("model cache: unreadable entry, parsed again")
		return parsed{}, false
	}
	if e.Model != nil && src != nil {
		e.Model.Source = src
	}
	return e.parsed(), true
}

// parse reads the file and returns its model (cut to its header when
// header is set) from the cache or by parsing it, with the bytes read and
// their key (src nil when it could not be read), and whether it parsed them.
func (c *Cache) parse(ctx context.Context, path string, header bool) (result parsed, bytes Key, src []byte, parsedNow bool) {
	src, err := inputfile.Read(path, migration.MaxFileSize)
	if err != nil {
		m, err := migration.ParseFile(ctx, path) // its error, as without the cache
		if header && m != nil {
			m = m.Header()
		}
		return parsed{m, err}, Key{}, nil, false
	}
	bytes = KeyOf([]byte(path), src)
	c.digests.Store(path, bytes)
	result, parsedNow = c.fromSource(ctx, path, src, bytes, header)
	return result, bytes, src, parsedNow
}

// fromSource is parse once the file is read: bytes is the key of src.
// A header entry is written here only when the whole model came from the
// cache: ParseHeader keeps the header of one parsed now in the directory's
// stat index, and writes an entry only when the index cannot keep it (a
// racy stamp). Encoding every header twice cost a cold check of 3,000 files
// a twentieth of its time. For a header, the whole model is held for Parse
// (heldModel).
func (c *Cache) fromSource(ctx context.Context, path string, src []byte, bytes Key, header bool) (result parsed, parsedNow bool) {
	if header {
		if p, ok := c.entry(headerKey(bytes), path, nil); ok {
			c.hits.Add(1)
			return p, false
		}
	}
	if p, ok := c.entry(bytes, path, src); ok {
		c.hits.Add(1)
		result = p
	} else {
		c.misses.Add(1)
		c.encoding.parses(1)
		result.model, result.err = migration.Parse(ctx, path, src)
		c.encoding.parses(-1)
		parsedNow = true
	}
	if ctx.Err() != nil {
		return result, parsedNow // a cancelled parse says nothing about the file
	}
	var held *heldModel
	if header {
		held = &heldModel{bytes: bytes, src: src}
		if parsedNow {
			whole := result
			held.model = &whole
			c.encoding.holds(1)
		}
		c.parsed.Store(path, held)
	}
	fe, ok := result.err.(*migration.FileError)
	if result.err != nil && !ok {
		return result, parsedNow
	}
	if parsedNow {
		c.encoding.add(c, pending{bytes, path, entryOf(result.model, fe), held})
	}
	if header && result.model != nil {
		result.model = result.model.Header()
	}
	if header && !parsedNow {
		c.encoding.add(c, pending{headerKey(bytes), path, entryOf(result.model, fe), nil})
	}
	return result, parsedNow
}

// put encodes an entry into the store; the model held for it is let go of
// once it is there, when too many are held. Only the encoder calls it (one
// goroutine at a time): the store writes the payload out, and its buffer
// serves the next entry.
func (c *Cache) put(p pending) {
	payload, err := codec.EncodeInto(&c.encoding.scratch, &p.entry)
	if err != nil {
		c.log.Debug().Err(err).Str("path", p.path).Msg("model cache: model not cached")
		return
	}
	if c.store.Put(p.key, payload) && p.held != nil && c.encoding.tooMany() {
		p.held.letGo(&c.encoding)
	}
}

// Lookup returns the payload of an entry of another kind than a model (a
// check result), kept under key by Keep (by this build, like models);
// entries kept later under the same key are found first.
func (c *Cache) Lookup(key Key) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	return c.store.Get(key)
}

// Keep stores the payload of an entry of another kind than a model; Flush
// writes it.
func (c *Cache) Keep(key Key, payload []byte) {
	if c != nil {
		c.store.Put(key, payload)
	}
}

// LoadValue decodes into v (a pointer) the value kept under name by
// KeepValue: false when there is none, or it does not decode.
func (c *Cache) LoadValue(name []byte, v any) bool {
	payload, ok := c.Lookup(valueKey(name))
	return ok && codec.Decode(payload, v) == nil
}

// KeepValue keeps v (a pointer) under name, when package codec can write it
// exactly (see codec.Encode).
func (c *Cache) KeepValue(name []byte, v any) {
	if c == nil {
		return
	}
	payload, err := codec.Encode(v)
	if err != nil {
		c.log.Debug().Err(err).Msg("model cache: value not kept")
		return
	}
	c.store.Put(valueKey(name), payload)
}

// HasValue reports whether a value is kept under name (and reads back whole).
func (c *Cache) HasValue(name []byte) bool {
	_, ok := c.Lookup(valueKey(name))
	return ok
}

// valueKey is the key of a value kept by name: no file's key (a file's path
// comes first in those, and never starts with this).
func valueKey(name []byte) Key { return KeyOf([]byte("\x00value"), name) }

// Counts are the files read from the cache and the files parsed so far.
func (c *Cache) Counts() (hits, misses int) {
	return int(c.hits.Load()), int(c.misses.Load())
}

// Flush writes the models parsed since the last Flush to the cache (the
// CLI and the hook at the end of a run, the MCP server after each tool call).
func (c *Cache) Flush() {
	if c == nil {
		return
	}
	c.encoding.wait()
	c.keepIndexes()
	c.parsed.Clear() // the models of the bytes this run read: the next run reads the files again
	c.encoding.forget()
	if err := c.store.Flush(); err != nil {
		c.log.Debug().Err(err).Msg("model cache: not written")
	}
}
