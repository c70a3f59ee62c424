package check

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

// TestRunStopsWhenCancelled: a cancelled context stops the parse loop (no
// more files are parsed), and Run returns the context's error.
// Before, the files left unparsed looked like missing revisions and Run
// returned findings about hundreds of invented heads.
func TestRunStopsWhenCancelled(t *testing.T) {
	const revisions = 300
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Options{Revisions: revisions, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []int32{10, revisions} { // while parsing; with the last file
		ctx, cancel := context.WithCancel(context.Background())
		var parsed atomic.Int32
		parse := func(ctx context.Context, path string) (*migration.Migration, error) {
			if parsed.Add(1) == at {
				cancel() // as the file starts: files parsed meanwhile by others would depend on timing
			}
			return migration.ParseFile(ctx, path)
		}
		res, err := Run(ctx, proj, Options{Parse: parse})
		if !errors.Is(err, context.Canceled) || res != nil {
			t.Errorf("cancelled at file %d: %v, %v", at, res, err)
		}
		if n := parsed.Load(); n > at+int32(runtime.GOMAXPROCS(0)) {
			t.Errorf("cancelled at file %d: %d files parsed", at, n)
		}
		cancel()
	}
}
