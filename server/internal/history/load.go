package history

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// Parser parses one revision file. The default reads it from disk; the MCP
// server passes a cache.
type Parser func(ctx context.Context, path string) (*migration.Migration, error)

// Loaded is one script directory, parsed and linked.
type Loaded struct {
	Graph *Graph
	// Errors are files that could not be read or parsed (a syntax error still
	// yields a model, so such a file can also be in the graph).
	Errors []*migration.FileError
}

// Load parses the files (concurrently, one parser per worker) and builds the graph.
func Load(ctx context.Context, dir string, files []string, parse Parser) *Loaded {
	models, errs := Parse(ctx, files, parse)
	return &Loaded{Graph: Build(dir, models), Errors: errs}
}

// Parse parses the files concurrently, one parser per worker, and returns the
// models in the order of files (a file with a syntax error still has one).
// Once ctx is done no more files are parsed: the caller must not use a result
// that is then incomplete.
func Parse(ctx context.Context, files []string, parse Parser) ([]*migration.Migration, []*migration.FileError) {
	if parse == nil {
		parse = migration.ParseFile
	}
	models := make([]*migration.Migration, len(files))
	errs := make([]error, len(files))
	// each worker takes the next file by counting: a channel's hand-over of
	// every file cost more than reading a header from the cache
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(files) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				models[i], errs[i] = parse(ctx, files[i])
			}
		})
	}
	wg.Wait()
	var fileErrs []*migration.FileError
	var parsed []*migration.Migration
	for i, m := range models {
		if errs[i] != nil {
			fe, ok := errs[i].(*migration.FileError)
			if !ok {
				fe = &migration.FileError{Path: files[i], Msg: errs[i].Error()}
			}
			fileErrs = append(fileErrs, fe)
		}
		if m != nil {
			parsed = append(parsed, m)
		}
	}
	return parsed, fileErrs
}
