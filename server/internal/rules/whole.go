package rules

import (
	"cmp"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// A check may read only the headers of most revisions (their findings are
// reused, or another file is checked) and the whole models of the few the
// rules read (Scope.Whole): those it checks or replays, and what their
// passes and the rules read of the others (wholeRead); the revisions above
// one, which few passes read, are read when a pass asks for them
// (Pass.laterRevisions). The revisions a run replays are loaded as the
// replay comes to them, and let go of after (stream.go).

// passReads are the revisions whose whole models the passes over revs read
// of the revisions below, by id: revs and their recentParents.
func passReads(g *history.Graph, revs []*history.Revision) map[string]bool {
	read := map[string]bool{}
	for _, r := range revs {
		read[r.ID] = true
		for _, parent := range recentParents(g, r) {
			read[parent.ID] = true
		}
	}
	return read
}

// wholeRead are the revisions of g whose whole models a run reads first:
// those of read, and the revisions marked for a selected rule that loads the
// marked ones (Rule.LoadsMarked).
func wholeRead(g *history.Graph, selected []*Rule, read map[string]bool) []*history.Revision {
	var out []*history.Revision
	for _, r := range g.Revisions {
		if read[r.ID] || marked(r, selected) {
			out = append(out, r)
		}
	}
	return out
}

// marked reports whether r bears the mark of a rule that loads the marked
// revisions' models.
func marked(r *history.Revision, selected []*Rule) bool {
	for _, rule := range selected {
		if rule.LoadsMarked && r.Migration.Marked(rule.ID) {
			return true
		}
	}
	return false
}

// checkedOrReplayed are the revisions of g a run checks or replays, in
// graph order: nil when it replays the whole history (start nil), the
// included revisions when it checks them from snapshots alone (replays
// nil), else those it replays.
func checkedOrReplayed(g *history.Graph, start map[string]*Snapshot, replays map[string]bool, included func(*history.Revision) bool) []*history.Revision {
	if start == nil {
		return nil
	}
	out := []*history.Revision{}
	for _, r := range g.Order {
		if replays == nil && included(r) || replays[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// wholeModels loads the whole models of revisions whose models are headers
// (Scope.Whole).
type wholeModels func([]*history.Revision) (map[*history.Revision]*migration.Migration, error)

// loadWhole replaces the header models of the revisions that a run reads
// first (wholeRead) by whole ones, before the run starts; the memo loads the
// others when a pass asks for them.
func loadWhole(g *history.Graph, selected []*Rule, read map[string]bool, load wholeModels, memo *runMemo) error {
	models, err := load(wholeRead(g, selected, read))
	if err != nil {
		return err
	}
	for r, m := range models {
		r.Migration = m
	}
	memo.load = load
	return nil
}

// whole is r's whole model: its own, or loaded now when it is a header
// (kept for the other passes). A load that fails (the file changed since
// its header was read) ends the run with its error (see RunScoped); the
// pass reads the header meanwhile.
func (m *runMemo) whole(r *history.Revision) *migration.Migration {
	if m.load == nil {
		return r.Migration
	}
	m.mu.Lock() // a stream changes the models of the revisions above under it
	defer m.mu.Unlock()
	if !r.Migration.HeaderOnly {
		return r.Migration
	}
	if w, ok := m.wholes[r]; ok {
		return w
	}
	models, err := m.load([]*history.Revision{r})
	w := models[r]
	if err != nil || w == nil {
		m.loadErr = cmp.Or(m.loadErr, err)
		w = r.Migration
	}
	m.wholes[r] = w
	return w
}
