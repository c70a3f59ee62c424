package hook

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/parsecache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// The model cache keeps the parsed revision files of one project between hook
// runs, so that checking one edited file does not parse the whole history
// again. It is an optimisation only, built to never change what the hook
// reports:
//
//   - the edited file is always parsed from disk, never taken from the cache,
//     and only its findings are reported. (A decoded model is equal to the
//     parsed one in value but not in Go pointer sharing, e.g. the ops of one
//     batch block no longer share one *Batch; findings about a cached file
//     itself can therefore differ, findings about the fresh one do not:
//     TestCacheEquivalence and TestCacheEquivalence3000 check this.)
//   - an entry is used only when the file's path, size and modification time
//     are those it was parsed with, and files modified within the last
//     parsecache.RacyWindow are neither stored nor trusted (a same-size rewrite inside the
//     file system's timestamp granularity would otherwise go unnoticed);
//   - the cache file records the binary that wrote it (path, size, mtime): a
//     new build ignores the old cache instead of decoding a changed model;
//   - a model gob cannot encode (a nil element in a map or slice) is left out
//     and listed in Skip, so that it is parsed each time without forcing a
//     rewrite of the cache;
//   - a cache that cannot be read or decoded is ignored, and it is written
//     atomically (temporary file + rename), so a crash leaves the old one;
//   - no fix is computed from it: the hook writes no revision file (and the
//     fix engine checks every model it is given against the file's bytes).
//
// It lives in ${CLAUDE_PLUGIN_DATA}/hook-cache/<hash of the project root>.gob.

const (
	cacheFormat = 3
	// cacheShards: the entries are encoded in this many separate gob streams
	// so that they decode in parallel (decoding is most of a warm run).
	cacheShards = 8
	// maxCacheSize bounds the cache file read (3,000 revisions take 37 MB);
	// a larger one is ignored.
	maxCacheSize = 1 << 30
)

type cacheFile struct {
	Format int
	Binary string
	Root   string
	Shards [][]byte // each a gob-encoded map[string]cacheEntry
	Skip   map[string]parsecache.Stamp
}

type cacheEntry struct {
	Stamp parsecache.Stamp
	Model *migration.Migration
}

type modelCache struct {
	file   string // "" = disabled
	binary string
	root   string
	log    zerolog.Logger

	old  map[string]cacheEntry
	skip map[string]parsecache.Stamp

	mu       sync.Mutex
	seen     map[string]cacheEntry       // entries valid in this run
	seenSkip map[string]parsecache.Stamp // uncacheable files seen in this run
	misses   int                         // files other than the edited one that had to be parsed and can be stored
}

// openCache loads the cache for proj from dir ("" disables caching).
func openCache(dir string, proj *project.Project, log zerolog.Logger) *modelCache {
	c := &modelCache{log: log, root: proj.Root, seen: map[string]cacheEntry{}, seenSkip: map[string]parsecache.Stamp{}}
	if dir == "" {
		return c
	}
	binary, err := binaryIdentity()
	if err != nil {
		log.Debug().Err(err).Msg("hook: model cache off (cannot identify the binary)")
		return c
	}
	sum := sha256.Sum256([]byte(proj.Root))
	c.file = filepath.Join(dir, "hook-cache", hex.EncodeToString(sum[:8])+".gob")
	c.binary = binary
	start := time.Now()
	f, err := inputfile.Open(c.file, maxCacheSize)
	if err != nil {
		return c
	}
	defer f.Close()
	var cf cacheFile
	if err := gob.NewDecoder(f).Decode(&cf); err != nil {
		log.Debug().Err(err).Str("file", c.file).Msg("hook: model cache unreadable, ignored")
		return c
	}
	if cf.Format != cacheFormat || cf.Binary != binary || cf.Root != proj.Root {
		log.Debug().Str("file", c.file).Msg("hook: model cache from another build or project, ignored")
		return c
	}
	shards := make([]map[string]cacheEntry, len(cf.Shards))
	errs := make([]error, len(cf.Shards))
	var wg sync.WaitGroup
	for i, data := range cf.Shards {
		wg.Go(func() { errs[i] = gob.NewDecoder(bytes.NewReader(data)).Decode(&shards[i]) })
	}
	wg.Wait()
	old := map[string]cacheEntry{}
	for i, m := range shards {
		if errs[i] != nil {
			log.Debug().Err(errs[i]).Str("file", c.file).Msg("hook: model cache unreadable, ignored")
			return c
		}
		maps.Copy(old, m)
	}
	c.old, c.skip = old, cf.Skip
	log.Debug().Int("entries", len(c.old)).Int("skipped", len(c.skip)).Dur("took", time.Since(start)).Msg("hook: model cache loaded")
	return c
}

// binaryIdentity names the running executable by path, size and mtime.
func binaryIdentity() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s|%d|%d", exe, info.Size(), info.ModTime().UnixNano()), nil
}

// parser returns the history.Parser for a run that checks edited.
func (c *modelCache) parser(edited string) history.Parser {
	return func(ctx context.Context, path string) (*migration.Migration, error) {
		if c.file == "" || path == edited {
			return migration.ParseFile(ctx, path)
		}
		stamp, ok := parsecache.Stat(path)
		if !ok {
			return migration.ParseFile(ctx, path)
		}
		now := time.Now()
		if e, ok := c.old[path]; ok && !stamp.Racy(now) && e.Model != nil && e.Stamp == stamp {
			c.remember(path, e, false)
			return e.Model, nil
		}
		m, keep, err := parsecache.Parse(ctx, path, stamp, now)
		if err != nil || m == nil || !keep {
			return m, err
		}
		if s, ok := c.skip[path]; ok && s == stamp {
			c.mu.Lock()
			c.seenSkip[path] = stamp
			c.mu.Unlock()
			return m, nil
		}
		c.remember(path, cacheEntry{Stamp: stamp, Model: m}, true)
		return m, nil
	}
}

func (c *modelCache) remember(path string, e cacheEntry, miss bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[path] = e
	if miss {
		c.misses++
	}
}

// save writes the cache when files other than the edited one had to be
// parsed (entries of files that no longer exist are dropped).
func (c *modelCache) save() {
	if c.file == "" || c.misses == 0 {
		return
	}
	start := time.Now()
	if err := os.MkdirAll(filepath.Dir(c.file), 0o700); err != nil {
		c.log.Debug().Err(err).Msg("hook: model cache not written")
		return
	}
	cf := cacheFile{Format: cacheFormat, Binary: c.binary, Root: c.root, Shards: make([][]byte, cacheShards), Skip: maps.Clone(c.seenSkip)}
	paths := make([]string, 0, len(c.seen))
	for p := range c.seen {
		paths = append(paths, p)
	}
	// Each shard: drop the entries gob cannot encode (into Skip), then encode.
	skipped := make([]map[string]parsecache.Stamp, cacheShards)
	errs := make([]error, cacheShards)
	var wg sync.WaitGroup
	for i := range cacheShards {
		wg.Go(func() {
			part := map[string]cacheEntry{}
			skipped[i] = map[string]parsecache.Stamp{}
			for j := i; j < len(paths); j += cacheShards {
				e := c.seen[paths[j]]
				if gob.NewEncoder(io.Discard).Encode(e) != nil {
					skipped[i][paths[j]] = e.Stamp
					continue
				}
				part[paths[j]] = e
			}
			var b bytes.Buffer
			errs[i] = gob.NewEncoder(&b).Encode(part)
			cf.Shards[i] = b.Bytes()
		})
	}
	wg.Wait()
	for _, s := range skipped {
		maps.Copy(cf.Skip, s)
	}
	err := errors.Join(errs...)
	var tmp *os.File
	if err == nil {
		tmp, err = os.CreateTemp(filepath.Dir(c.file), ".cache-*.tmp")
	}
	if err == nil {
		err = gob.NewEncoder(tmp).Encode(&cf)
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), c.file)
		}
		if err != nil {
			os.Remove(tmp.Name())
		}
	}
	if err != nil {
		c.log.Debug().Err(err).Msg("hook: model cache not written")
		return
	}
	c.log.Debug().Int("entries", len(c.seen)-len(cf.Skip)+len(c.seenSkip)).Int("skipped", len(cf.Skip)).
		Dur("took", time.Since(start)).Msg("hook: model cache written")
}
