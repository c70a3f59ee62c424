// Package bench measures the analyzer against the floor that bounds it: a bare
// tree-sitter parse of the same files on the same cores.
package bench

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/resultcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

var (
	once    sync.Once
	projDir string
)

// generated writes one 3,000-revision project per test binary.
func generated(b *testing.B) string {
	once.Do(func() {
		dir, err := os.MkdirTemp("", "bench3000-")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := synth.Write(dir, synth.Options{Revisions: 3000, Seed: 1, MergeEvery: 50, BatchEvery: 7}); err != nil {
			b.Fatal(err)
		}
		projDir = dir
	})
	return projDir
}

func files(b *testing.B) []string {
	fs, err := project.ListRevisionFiles(project.ScriptDir{VersionLocations: []string{filepath.Join(generated(b), "migrations", "versions")}}, nil).Files, error(nil)
	if err != nil || len(fs) != 3000 {
		b.Fatalf("generated project: %d files, %v", len(fs), err)
	}
	return fs
}

// BenchmarkParseFloor reads and parses every file with tree-sitter, one parser
// per core, and does nothing else: the floor for the benchmarks below.
func BenchmarkParseFloor(b *testing.B) {
	paths := files(b)
	for b.Loop() {
		var wg sync.WaitGroup
		next := make(chan string)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				p := sitter.NewParser()
				defer p.Close()
				p.SetLanguage(python.GetLanguage())
				for path := range next {
					src, err := os.ReadFile(path)
					if err != nil {
						b.Error(err)
						continue
					}
					tree, err := p.ParseCtx(context.Background(), nil, src)
					if err != nil {
						b.Error(err)
						continue
					}
					tree.Close()
				}
			})
		}
		for _, p := range paths {
			next <- p
		}
		close(next)
		wg.Wait()
	}
}

// BenchmarkHistory is `alembic-patterns history`: parse, header model and graph.
func BenchmarkHistory(b *testing.B) {
	paths := files(b)
	for b.Loop() {
		loaded := history.Load(context.Background(), "bench", paths, migration.ParseFileHeader)
		if len(loaded.Graph.Heads) != 1 {
			b.Fatalf("heads: %v", loaded.Graph.Heads)
		}
	}
}

// BenchmarkCheck is `alembic-patterns check` with the default profile.
func BenchmarkCheck(b *testing.B) {
	proj, err := project.Find(generated(b))
	if err != nil {
		b.Fatal(err)
	}
	stop := testenv.ReportCPU(b)
	for b.Loop() {
		res, err := check.Run(context.Background(), proj, check.Options{})
		if err != nil || res.Files != 3000 {
			b.Fatalf("%v, %d files", err, res.Files)
		}
	}
	stop()
}

// BenchmarkCheckColdCache is `alembic-patterns check` on its first run:
// every file parsed, its model encoded into an empty cache and (past the
// models the cache holds at once) decoded again for the replay.
func BenchmarkCheckColdCache(b *testing.B) {
	proj, err := project.Find(generated(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	stop := testenv.ReportCPU(b)
	for b.Loop() {
		cache := modelcache.New(b.TempDir(), zerolog.Nop())
		res, _, err := resultcache.Check(context.Background(), cache, zerolog.Nop(), proj, check.Options{})
		if err != nil || res.Files != 3000 {
			b.Fatalf("%v, %d files", err, res.Files)
		}
		cache.Flush()
	}
	stop()
}

// BenchmarkReplay is the schema replay of the history alone (a merge every 50
// revisions: each applies again the upgrades only its other branch holds).
func BenchmarkReplay(b *testing.B) {
	loaded := history.Load(context.Background(), "bench", files(b), migration.ParseFile)
	stop := testenv.ReportCPU(b)
	for b.Loop() {
		visited := 0
		loaded.Graph.Replay(context.Background(), func(*history.Revision, *history.State) { visited++ })
		if visited != 3000 {
			b.Fatalf("visited %d revisions", visited)
		}
	}
	stop()
}

// BenchmarkCheckParsed is `check` with every file's model at hand (as the
// model cache gives them): the graph, the replay and the rules.
func BenchmarkCheckParsed(b *testing.B) {
	proj, err := project.Find(generated(b))
	if err != nil {
		b.Fatal(err)
	}
	models := map[string]*migration.Migration{}
	for _, path := range files(b) {
		m, err := migration.ParseFile(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		models[path] = m
	}
	parsed := func(_ context.Context, path string) (*migration.Migration, error) {
		if m := models[path]; m != nil {
			return m, nil
		}
		return nil, os.ErrNotExist
	}
	stop := testenv.ReportCPU(b)
	for b.Loop() {
		res, err := check.Run(context.Background(), proj, check.Options{Parse: parsed})
		if err != nil || res.Files != 3000 {
			b.Fatalf("%v, %d files", err, res.Files)
		}
	}
	stop()
}

// BenchmarkCheckOneFileChanged is `alembic-patterns check` after an edit of
// the revision file in the middle of the history (by name): every revision
// above it is judged again, from the nearest snapshot the cache keeps.
func BenchmarkCheckOneFileChanged(b *testing.B) {
	proj, err := project.Find(generated(b))
	if err != nil {
		b.Fatal(err)
	}
	paths := files(b)
	middle := paths[len(paths)/2]
	dir := b.TempDir()
	run := func() {
		cache := modelcache.New(dir, zerolog.Nop())
		res, _, err := resultcache.Check(context.Background(), cache, zerolog.Nop(), proj, check.Options{})
		if err != nil || res.Files != 3000 {
			b.Fatalf("%v, %d files", err, res.Files)
		}
		cache.Flush()
	}
	edit := func() {
		f, err := os.OpenFile(middle, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString("# edited\n"); err != nil {
			b.Fatal(err)
		}
	}
	// files modified within the racy window are read again on every run
	time.Sleep(inputfile.RacyWindow)
	run() // cold
	edit()
	run() // the first run after an edit keeps the snapshots it needs
	b.ReportAllocs()
	stop := testenv.ReportCPU(b)
	for b.Loop() {
		edit()
		run()
	}
	stop()
}
