package mcpserver

import (
	"context"
	"sync"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/parsecache"
)

// parseCache keeps parsed revision files for the life of the server, keyed by
// path and validated by their stamps (package parsecache). Parsing is what a check
// costs; a warm check only stats the files. The models are never modified
// after parse, so every tool call may share them. A same-size rewrite that
// keeps the modification time (cp -p, rsync -t, tar) goes unnoticed here; the
// fix engine therefore checks every model it uses against the file's bytes
// before computing edits, and compares the file again before writing.
type parseCache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
	max     int
	// now is replaceable in tests.
	now func() time.Time
	// parseFile parses a file not held here (through the persistent model
	// cache the CLI and the hook share, so that a file is parsed once
	// wherever it is read first).
	parseFile history.Parser
}

type cacheEntry struct {
	stamp parsecache.Stamp
	model *migration.Migration
	err   error
}

// newParseCache holds up to max files parsed with parseFile (nil:
// migration.ParseFile).
func newParseCache(max int, parseFile history.Parser) *parseCache {
	if parseFile == nil {
		parseFile = migration.ParseFile
	}
	return &parseCache{entries: map[string]cacheEntry{}, max: max, now: time.Now, parseFile: parseFile}
}

// Parse is a history.Parser.
func (c *parseCache) Parse(ctx context.Context, path string) (*migration.Migration, error) {
	stamp, ok := parsecache.Stat(path)
	if !ok {
		c.forget(path)
		return c.parseFile(ctx, path)
	}
	c.mu.Lock()
	e, ok := c.entries[path]
	c.mu.Unlock()
	if ok && e.stamp == stamp {
		return e.model, e.err
	}
	m, keep, err := parsecache.Parse(ctx, path, stamp, c.now(), c.parseFile)
	if !keep {
		c.forget(path)
		return m, err
	}
	c.mu.Lock()
	if len(c.entries) >= c.max {
		clear(c.entries) // crude but bounded; a project never comes close
	}
	c.entries[path] = cacheEntry{stamp: stamp, model: m, err: err}
	c.mu.Unlock()
	return m, err
}

func (c *parseCache) forget(path string) {
	c.mu.Lock()
	delete(c.entries, path)
	c.mu.Unlock()
}

// Len is the number of cached files.
func (c *parseCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
