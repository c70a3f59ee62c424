package rules

import (
	"cmp"
	"fmt"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// A revision whose downgrade() only raises stops `alembic downgrade` from the
// heads there: the downgrades below it run only on a database left at a
// revision in between (warehouse's and security_monkey's findings were judged
// true, and unreachable from head, in two rounds).

// downgradeRaisesMark names the mark of a revision whose downgrade() raises
// (rule ids have no spaces, so it is no rule's).
const downgradeRaisesMark = "downgrade raises"

func init() {
	migration.RegisterMark(downgradeRaisesMark, func(m *migration.Migration) bool {
		return m.Downgrade != nil && m.Downgrade.Kind == migration.BodyRaise
	})
}

// downgradeBlocks are the revisions a downgrade from some head reaches
// without passing a downgrade that raises, computed once a run.
type downgradeBlocks struct {
	once    sync.Once
	reached map[string]bool
}

// barredBy is the nearest revision above r whose downgrade raises, when
// every way down from the heads to r's downgrade passes one; else "".
func (m *runMemo) barredBy(r *history.Revision) string {
	g := m.graph
	raises := func(rev *history.Revision) bool { return rev.Migration.Marked(downgradeRaisesMark) }
	m.blocks.once.Do(func() {
		m.blocks.reached = map[string]bool{}
		breadthFirst(g, g.Heads, func(rev *history.Revision) []string {
			m.blocks.reached[rev.ID] = true
			if raises(rev) {
				return nil // the downgrade stops here
			}
			return rev.Parents
		})
	})
	if m.blocks.reached[r.ID] || len(g.Heads) == 0 {
		return ""
	}
	blocker := "" // the first raising revision met going up
	breadthFirst(g, r.Children, func(rev *history.Revision) []string {
		if blocker != "" || raises(rev) {
			blocker = cmp.Or(blocker, rev.ID)
			return nil
		}
		return rev.Children
	})
	return blocker
}

// breadthFirst visits the revisions of g reached from ids, each once,
// nearest first; visit returns the ids to go on to from a revision.
func breadthFirst(g *history.Graph, ids []string, visit func(*history.Revision) []string) {
	seen := map[string]bool{}
	queue := append([]string(nil), ids...)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if rev := g.Revisions[id]; rev != nil && !seen[id] {
			seen[id] = true
			queue = append(queue, visit(rev)...)
		}
	}
}

// barredNote tells, in the help of a finding in a downgrade() that the heads
// cannot reach, which revision above stops them. It is added as findings
// are told, not kept with them: it follows the revisions above, which the
// findings reused for an unchanged revision do not.
func (m *runMemo) barredNote(report func(Diagnostic)) func(Diagnostic) {
	return func(d Diagnostic) {
		if r := m.graph.Revisions[d.Revision]; d.InDowngrade && d.Severity != Info && r != nil {
			if by := m.barredBy(r); by != "" {
				// by is the nearest such revision, not the first one met from
				// the heads (mwdb-core's note said "first": judged a slip)
				d.Help += fmt.Sprintf(" (Only a database left between this revision and %s runs this line: every way "+
					"down from the heads passes a downgrade that raises, and that of %s is the nearest above this one.)", by, by)
			}
		}
		report(d)
	}
}
