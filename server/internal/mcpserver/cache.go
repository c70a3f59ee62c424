package mcpserver

import (
	"context"
	"os"
	"sync"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// parseCache keeps parsed revision files for the life of the server, keyed by
// path and validated by size and modification time. Parsing is what a check
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
}

type cacheEntry struct {
	size  int64
	mtime time.Time
	model *migration.Migration
	err   error
}

// racyWindow: a file modified this recently may be modified again within the
// same timestamp tick with the same size, so its entry is not trusted (the
// trick git uses for its index).
const racyWindow = 2 * time.Second

func newParseCache(max int) *parseCache {
	return &parseCache{entries: map[string]cacheEntry{}, max: max, now: time.Now}
}

// Parse is a history.Parser.
func (c *parseCache) Parse(ctx context.Context, path string) (*migration.Migration, error) {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		c.forget(path)
		return migration.ParseFile(ctx, path)
	}
	size, mtime := info.Size(), info.ModTime()
	c.mu.Lock()
	e, ok := c.entries[path]
	c.mu.Unlock()
	if ok && e.size == size && e.mtime.Equal(mtime) {
		return e.model, e.err
	}
	m, perr := migration.ParseFile(ctx, path)
	if ctx.Err() != nil {
		return m, perr // a cancelled parse says nothing about the file
	}
	// Keep the entry only if the file did not change while it was read, and
	// is not so fresh that a same-size rewrite could share its timestamp.
	after, err := os.Stat(path)
	if err != nil || after.Size() != size || !after.ModTime().Equal(mtime) || c.now().Sub(mtime) < racyWindow {
		c.forget(path)
		return m, perr
	}
	c.mu.Lock()
	if len(c.entries) >= c.max {
		clear(c.entries) // crude but bounded; a project never comes close
	}
	c.entries[path] = cacheEntry{size: size, mtime: mtime, model: m, err: perr}
	c.mu.Unlock()
	return m, perr
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
