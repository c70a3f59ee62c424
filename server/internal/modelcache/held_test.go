package modelcache

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

// TestHeldModels: after reading the headers of more files than maxHeld, the
// cache holds maxHeld whole models for Parse and lets go of the others once
// stored; Parse then gives every file's model as a parse does, held or read
// back from the pack being written.
func TestHeldModels(t *testing.T) {
	dir := t.TempDir()
	const revisions = maxHeld + 200
	if _, err := synth.Write(dir, synth.Options{Revisions: revisions, Seed: 5, MergeEvery: 30, BatchEvery: 5}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*.py"))
	if len(files) != revisions {
		t.Fatalf("%d files", len(files))
	}
	c := New(t.TempDir(), zerolog.Nop())
	defer c.Flush() // the encoder writes into the directory in the background until then
	ctx := context.Background()
	if _, errs := history.Parse(ctx, files, c.ParseHeader); len(errs) > 0 {
		t.Fatal(errs)
	}
	c.encoding.wait()
	if held := c.encoding.held; held != maxHeld {
		t.Errorf("%d whole models held after %d headers, want %d", held, revisions, maxHeld)
	}
	for _, f := range files {
		got, err := c.Parse(ctx, f)
		want, wantErr := migration.ParseFile(ctx, f)
		if err != nil || wantErr != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the model Parse gives differs from a parse (%v, %v)", f, err, wantErr)
		}
	}
	if c.encoding.held != 0 {
		t.Errorf("%d models still held after Parse took every file's", c.encoding.held)
	}
	if hits, misses := c.Counts(); hits != 0 || misses != revisions {
		t.Errorf("%d hits and %d misses: want a parse of each file, and the models read back not counted as hits", hits, misses)
	}
}
