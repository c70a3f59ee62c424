package rules

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

// TestStreamLetsGoOfModels: a run that replays a history of headers loads
// the whole models a batch at a time and puts the headers back as it goes
// (a cold check held every model at once), and finds what a run over whole
// models finds. The history has merges, whose replay applies the revisions
// of a branch again, and batch blocks.
func TestStreamLetsGoOfModels(t *testing.T) {
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Options{Revisions: 600, Seed: 3, MergeEvery: 40, BatchEvery: 7}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*.py"))
	models, errs := history.Parse(context.Background(), files, nil)
	if len(errs) > 0 || len(models) != 600 {
		t.Fatalf("%d models, errors %v", len(models), errs)
	}
	target := Target{Dialect: "postgresql", DialectCertain: true}
	newGraph := func(models []*migration.Migration) *history.Graph {
		g := history.Build(dir, models)
		g.Naming = naming.Namer{Dialect: target.Dialect}
		g.Dialects = []string{target.Dialect}
		return g
	}
	run := func(g *history.Graph, scope Scope) []string {
		var found []string
		if err := RunScoped(context.Background(), g, All(), target, scope, func(d Diagnostic) {
			b, _ := json.Marshal(d)
			found = append(found, string(b))
		}); err != nil {
			t.Fatal(err)
		}
		return found
	}
	want := run(newGraph(models), Scope{})
	if len(want) == 0 {
		t.Fatal("no findings on the generated history: the comparison says nothing")
	}

	wholeByPath := map[string]*migration.Migration{}
	var headers []*migration.Migration
	for _, m := range models {
		wholeByPath[m.Path] = m
		headers = append(headers, m.Header())
	}
	g := newGraph(headers)
	var mu sync.Mutex
	loads := 0
	load := func(revs []*history.Revision) (map[*history.Revision]*migration.Migration, error) {
		mu.Lock()
		defer mu.Unlock()
		loads++
		out := map[*history.Revision]*migration.Migration{}
		for _, r := range revs {
			out[r] = wholeByPath[r.Path]
		}
		return out, nil
	}
	// the findings are reported in the replay's goroutine, the only one that
	// changes the models the graph holds: count the whole ones there
	mostWhole := 0
	var got []string
	if err := RunScoped(context.Background(), g, All(), target, Scope{Whole: load}, func(d Diagnostic) {
		whole := 0
		for _, r := range g.Revisions {
			if !r.Migration.HeaderOnly {
				whole++
			}
		}
		mostWhole = max(mostWhole, whole)
		b, _ := json.Marshal(d)
		got = append(got, string(b))
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings differ from a run over whole models:\ngot  %d %q\nwant %d %q", len(got), got, len(want), want)
	}
	t.Logf("%d loads, at most %d whole models at once (%d findings)", loads, mostWhole, len(got))
	if loads < 600/streamBatch || mostWhole > 3*streamBatch {
		t.Errorf("%d loads, at most %d whole models at once of 600: want a batch of %d at a time, let go of as the replay goes",
			loads, mostWhole, streamBatch)
	}
	for _, r := range g.Revisions {
		if !r.Migration.HeaderOnly {
			t.Fatalf("revision %s is still whole after the run", r.ID)
		}
	}
}
