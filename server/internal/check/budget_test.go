package check

import (
	"context"
	"slices"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

// TestTooLargeFile: a revision of more operations than one file may have is
// not judged operation by operation (its downgrade misses half the columns)
// but named in a note, and the schema after it is not assumed.
func TestTooLargeFile(t *testing.T) {
	dir := t.TempDir()
	if err := synth.WriteWide(dir, synth.WideOptions{Ops: migration.MaxOps + 1}); err != nil {
		t.Fatal(err)
	}
	proj, err := project.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), proj, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) > 0 || len(res.Errors) > 0 {
		t.Errorf("%d findings (first %+v), %d errors", len(res.Findings), res.Findings[0], len(res.Errors))
	}
	note := TooLargeNote(proj.Root, proj.Root+"/migrations/versions/000000000002_many.py")
	if !slices.Contains(res.Notes, note) {
		t.Errorf("notes %q lack %q", res.Notes, note)
	}
}
