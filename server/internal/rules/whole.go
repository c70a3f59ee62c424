package rules

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
)

// A check may read only the headers of most revisions (their findings are
// reused, or another file is checked) and the whole models of the few the
// rules read; these say which.

// PassReads are the revisions whose whole models the passes over revs read,
// by id: revs, the two parents below each (a pass reads its parents' recent
// data steps), and every revision that is not below one of them (the
// revisions above and on other branches: Pass.laterRevisions).
func PassReads(g *history.Graph, revs []*history.Revision) map[string]bool {
	read := map[string]bool{}
	below := make(map[string]bool, len(g.Revisions))
	for _, r := range revs {
		read[r.ID] = true
		chain := r
		for range 2 {
			if len(chain.Parents) != 1 || g.Revisions[chain.Parents[0]] == nil {
				break
			}
			chain = g.Revisions[chain.Parents[0]]
			read[chain.ID] = true
		}
		g.Below(r, below)
	}
	for _, r := range g.Revisions {
		if !below[r.ID] {
			read[r.ID] = true
		}
	}
	return read
}

// wholeRead are the revisions of g whose whole models a run reads: every
// one when it replays the whole history (replays nil), else those it
// replays with what their passes read (PassReads), and those marked for a
// selected rule that loads the marked ones (Rule.LoadsMarked).
func wholeRead(g *history.Graph, selected []*Rule, replays map[string]bool) []*history.Revision {
	var read map[string]bool
	if replays != nil {
		var replayed []*history.Revision
		for _, r := range g.Order {
			if replays[r.ID] {
				replayed = append(replayed, r)
			}
		}
		read = PassReads(g, replayed)
	}
	var out []*history.Revision
	for _, r := range g.Revisions {
		if replays == nil || read[r.ID] || marked(r, selected) {
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
