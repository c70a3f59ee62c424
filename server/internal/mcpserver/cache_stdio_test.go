package mcpserver_test

import (
	"path/filepath"
	"testing"
	"time"
)

// TestServerWritesPersistentCache: after a tool call the server has written
// the models it parsed to the persistent cache, where the hook and the CLI
// read them.
func TestServerWritesPersistentCache(t *testing.T) {
	dir := shop(t)
	cache := t.TempDir()
	s := connect(t, protocols[0], dir, "ALEMBIC_PATTERNS_CACHE_DIR="+cache)
	s.ok("check_migration", map[string]any{"target": "all"})
	deadline := time.Now().Add(10 * time.Second) // the flush follows the answer
	for {
		packs, _ := filepath.Glob(filepath.Join(cache, "*", "*.pack"))
		if len(packs) == 1 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("packs after a tool call: %v, want one", packs)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
