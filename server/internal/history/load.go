package history

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// Parser parses one revision file. The default reads it from disk; the MCP
// server passes a cache.
type Parser func(ctx context.Context, path string) (*migration.Migration, error)

// RevisionFiles lists the files Alembic would load as revisions from the version
// directories: *.py, not __init__.py nor editor lock files, non-recursive.
func RevisionFiles(dirs []string) ([]string, error) {
	var files []string
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".py") || strings.HasPrefix(name, "__init__") || strings.HasPrefix(name, ".#") {
				continue
			}
			files = append(files, filepath.Join(dir, name))
		}
	}
	sort.Strings(files)
	return files, nil
}

// Loaded is one script directory, parsed and linked.
type Loaded struct {
	Graph *Graph
	// Errors are files that could not be read or parsed (a syntax error still
	// yields a model, so such a file can also be in the graph).
	Errors []*migration.FileError
}

// Load parses the files (concurrently, one parser per worker) and builds the graph.
func Load(ctx context.Context, dir string, files []string, parse Parser) *Loaded {
	if parse == nil {
		parse = migration.ParseFile
	}
	models := make([]*migration.Migration, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				models[i], errs[i] = parse(ctx, files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	out := &Loaded{}
	var parsed []*migration.Migration
	for i, m := range models {
		if errs[i] != nil {
			fe, ok := errs[i].(*migration.FileError)
			if !ok {
				fe = &migration.FileError{Path: files[i], Msg: errs[i].Error()}
			}
			out.Errors = append(out.Errors, fe)
		}
		if m != nil {
			parsed = append(parsed, m)
		}
	}
	out.Graph = Build(dir, parsed)
	return out
}
