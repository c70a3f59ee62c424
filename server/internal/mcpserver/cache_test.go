package mcpserver

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/rs/zerolog"
)

const rev1 = "revision = '0001'\ndown_revision = None\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n"

func writeRev(t *testing.T, path, src string, mtime time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func TestParseCache(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "0001.py")
	old := time.Now().Add(-time.Hour)
	writeRev(t, path, rev1, old)
	c := newParseCache(10, nil)
	ctx := context.Background()
	m1, err := c.Parse(ctx, path)
	if err != nil || m1.Revision.Values[0] != "0001" {
		t.Fatal(m1, err)
	}
	m2, _ := c.Parse(ctx, path)
	if m1 != m2 {
		t.Error("not served from the cache")
	}
	// same size, new mtime: parsed again
	writeRev(t, path, "revision = '0002'\ndown_revision = None\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n", old.Add(time.Second))
	m3, _ := c.Parse(ctx, path)
	if m3 == m1 || m3.Revision.Values[0] != "0002" {
		t.Errorf("stale entry: %v", m3.Revision.Values)
	}
	// a fresh file is not trusted: a same-size rewrite within the timestamp tick would be missed
	now := time.Now()
	writeRev(t, path, rev1, now)
	m4, _ := c.Parse(ctx, path)
	m5, _ := c.Parse(ctx, path)
	if m4 == m5 {
		t.Error("a file modified just now was cached")
	}
	// a syntax error is cached with its model
	writeRev(t, path, "revision = '0001'\ndef upgrade(:\n", old)
	if _, err := c.Parse(ctx, path); err == nil {
		t.Error("no syntax error")
	}
	if _, err := c.Parse(ctx, path); err == nil {
		t.Error("cached entry lost its error")
	}
	// a deleted file is forgotten
	os.Remove(path)
	if _, err := c.Parse(ctx, path); err == nil || c.Len() != 0 {
		t.Errorf("deleted: %v, %d entries", err, c.Len())
	}
	// the bound
	for i := range 25 {
		p := filepath.Join(dir, string(rune('a'+i))+".py")
		writeRev(t, p, rev1, old)
		c.Parse(ctx, p)
	}
	if c.Len() > 10 {
		t.Errorf("%d entries, max 10", c.Len())
	}
}

func testProject(t *testing.T) *project.Project {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "alembic.ini"), []byte("[alembic]\nscript_location = migrations\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(dir, "alembic.ini"), old, old)
	writeRev(t, filepath.Join(dir, "migrations", "versions", "0001.py"), rev1, old)
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	return proj
}

func TestMemo(t *testing.T) {
	proj := testProject(t)
	m := newMemo(2)
	ctx := context.Background()
	calls := 0
	compute := func() (any, string, error) { calls++; return calls, "", nil }
	a, _, _ := m.do(ctx, proj, "k", compute)
	b, _, _ := m.do(ctx, proj, "k", compute)
	if a != b || calls != 1 {
		t.Errorf("not memoised: %v %v %d", a, b, calls)
	}
	if c, _, _ := m.do(ctx, proj, "other", compute); c == a {
		t.Error("keys collide")
	}
	// any change to a revision file is a miss
	path := filepath.Join(proj.Root, "migrations", "versions", "0001.py")
	writeRev(t, path, rev1+"\n", time.Now().Add(-time.Minute))
	if d, _, _ := m.do(ctx, proj, "k", compute); d == a {
		t.Error("served after a file changed")
	}
	// a new file too
	writeRev(t, filepath.Join(proj.Root, "migrations", "versions", "0002.py"), "revision = '0002'\ndown_revision = '0001'\n", time.Now().Add(-time.Minute))
	before := calls
	m.do(ctx, proj, "k", compute)
	if calls != before+1 {
		t.Error("served after a file was added")
	}
	// fresh files are not memoised
	writeRev(t, path, rev1, time.Now())
	before = calls
	m.do(ctx, proj, "k", compute)
	m.do(ctx, proj, "k", compute)
	if calls != before+2 {
		t.Error("memoised with a fresh file")
	}
	if len(m.entries) > 2 {
		t.Errorf("%d entries, max 2", len(m.entries))
	}
}

// TestSharedModelsRace: concurrent checks share the cached models (run with -race).
func TestSharedModelsRace(t *testing.T) {
	proj, err := project.Find(filepath.Join("..", "..", "..", "examples", "shop"))
	if err != nil {
		t.Fatal(err)
	}
	c := newParseCache(100, nil)
	c.now = func() time.Time { return time.Now().Add(time.Hour) } // trust every file
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			opts := check.Options{Target: "all", Parse: c.Parse}
			if i%2 == 1 {
				opts.Profile = "zero-downtime"
			}
			res, err := check.Run(context.Background(), proj, opts)
			if err != nil || len(res.Findings) < 12 {
				t.Errorf("check: %v", err)
			}
		})
	}
	wg.Wait()
	if c.Len() != 7 {
		t.Errorf("%d cached files, want 7", c.Len())
	}
}

// TestPersistentCacheShared: the server parses a file it does not hold
// through the persistent model cache, so what the CLI or the hook parsed
// before is read, not parsed again, and what the server parses is there for
// them.
func TestPersistentCacheShared(t *testing.T) {
	proj, err := project.Find(filepath.Join("..", "..", "..", "examples", "shop"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cli := modelcache.New(dir, zerolog.Nop()) // a CLI run before the server
	if _, err := check.Run(context.Background(), proj, check.Options{Parse: cli.Parse}); err != nil {
		t.Fatal(err)
	}
	if _, misses := cli.Counts(); misses != 7 {
		t.Fatalf("the CLI run parsed %d files, want 7", misses)
	}
	cli.Flush()
	disk := modelcache.New(dir, zerolog.Nop())
	s := New(Options{Cache: disk})
	res, err := check.Run(context.Background(), proj, check.Options{Target: "all", Parse: s.parse.Parse})
	if err != nil || len(res.Findings) < 12 {
		t.Fatalf("check: %v", err)
	}
	if hits, misses := disk.Counts(); hits != 7 || misses != 0 {
		t.Errorf("the server read %d files from the persistent cache and parsed %d, want 7 and 0", hits, misses)
	}
}
