package review

import (
	"fmt"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
)

// unreviewed says what of a target the review cannot show. cyclic are the
// revisions in or above a revision cycle: they have no place in the history
// (the replay never reaches them). duplicates are the other files declaring
// the id of a reviewed revision: the graph keeps the first file only.
func unreviewed(dirs []*check.ScriptDir, files []string, reviewed map[string]bool, root string) (cyclic []string, duplicates []string) {
	for _, sd := range dirs {
		g := sd.Loaded.Graph
		ordered := make(map[*history.Revision]bool, len(g.Order)) // a revision in a cycle has no place in the order
		for _, r := range g.Order {
			ordered[r] = true
		}
		for _, r := range g.Revisions {
			if !ordered[r] && !reviewed[r.Path] && (files == nil || slices.Contains(files, r.Path)) {
				cyclic = append(cyclic, fmt.Sprintf("%s (%s)", r.ID, relpath.Rel(root, r.Path)))
			}
		}
		for _, d := range g.Duplicates {
			if r := d.Of; reviewed[r.Path] {
				duplicates = append(duplicates, fmt.Sprintf("revision %s is reviewed from %s; %s declares the same id and is not reviewed "+
					"(Alembic refuses a duplicated revision id: give one of them a new id)", r.ID, relpath.Rel(root, r.Path), relpath.Rel(root, d.Migration.Path)))
			}
		}
	}
	slices.Sort(cyclic)
	return cyclic, duplicates
}

// cycleNote says which revisions a review left out because of a cycle.
func cycleNote(cyclic []string) string {
	return fmt.Sprintf("not reviewed, in or above a revision cycle: %s. A history with a cycle has no order to replay; "+
		"`alembic-patterns check` shows the cycle", brief.List(cyclic, brief.Names))
}
