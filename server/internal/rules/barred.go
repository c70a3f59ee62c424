package rules

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// A revision whose downgrade() cannot run stops `alembic downgrade` from the
// heads there: the downgrades below it run only on a database left at a
// revision in between (warehouse's and security_monkey's findings were judged
// true, and unreachable from head, in two rounds). It cannot run when it
// raises, or when it certainly drops a constraint named None, which fails
// on every database (simple-login's, judged: the note was missing).

// downgradeRaisesMark and downgradeFailsMark name the marks of a revision
// whose downgrade() raises, or certainly drops a constraint named None (rule
// ids have no spaces, so they are no rule's).
const (
	downgradeRaisesMark = "downgrade raises"
	downgradeFailsMark  = "downgrade fails"
)

func init() {
	migration.RegisterMark(downgradeRaisesMark, func(m *migration.Migration) bool {
		return m.Downgrade != nil && m.Downgrade.Kind == migration.BodyRaise
	})
	migration.RegisterMark(downgradeFailsMark, func(m *migration.Migration) bool {
		return m.Downgrade != nil && slices.ContainsFunc(m.Downgrade.Ops, func(o *migration.Op) bool {
			return o.Name == "drop_constraint" && o.Certain() && o.Loop == nil && unnamed(o)
		})
	})
}

// downgradeStops reports whether r's downgrade() cannot run.
func downgradeStops(r *history.Revision) bool {
	return r.Migration.Marked(downgradeRaisesMark) || r.Migration.Marked(downgradeFailsMark)
}

// downgradeBlocks are the revisions a downgrade from some head reaches
// without passing a downgrade that cannot run, computed once a run.
type downgradeBlocks struct {
	once    sync.Once
	reached map[string]bool
}

// barredBy is the nearest revision above r whose downgrade cannot run, when
// every way down from the heads to r's downgrade passes one; else "".
func (m *runMemo) barredBy(r *history.Revision) string {
	g := m.graph
	m.blocks.once.Do(func() {
		m.blocks.reached = map[string]bool{}
		breadthFirst(g, g.Heads, func(rev *history.Revision) []string {
			m.blocks.reached[rev.ID] = true
			if downgradeStops(rev) {
				return nil // the downgrade stops here
			}
			return rev.Parents
		})
	})
	if m.blocks.reached[r.ID] || len(g.Heads) == 0 {
		return ""
	}
	return nearestAbove(g, r, downgradeStops)
}

// nearestAbove is the nearest revision above r that matches, going up from
// it; "" when none does.
func nearestAbove(g *history.Graph, r *history.Revision, matches func(*history.Revision) bool) string {
	nearest := ""
	breadthFirst(g, r.Children, func(rev *history.Revision) []string {
		if nearest != "" || matches(rev) {
			nearest = cmp.Or(nearest, rev.ID)
			return nil
		}
		return rev.Children
	})
	return nearest
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
		if r := m.graph.Revisions[d.Revision]; d.InDowngrade && r != nil {
			// by is the nearest such revision, not the first one met from the
			// heads (mwdb-core's note said "first": judged a slip)
			if by := m.barredBy(r); by != "" && m.graph.Revisions[by].Migration.Marked(downgradeRaisesMark) {
				d.Help += fmt.Sprintf(" (Only a database left between this revision and %s runs this line: every way "+
					"down from the heads passes a downgrade that cannot run, and that of %s, the nearest above this one, "+
					"raises.)", by, by)
			} else if by != "" {
				// a bug to fix, not a policy: once it is fixed the line can be reached
				d.Help += fmt.Sprintf(" (From the heads this line is not reached yet: every way down passes a downgrade "+
					"that cannot run, and that of %s, the nearest above this one, drops a constraint named None, which "+
					"fails on every database. Once it and any such drop above it are fixed, a downgrade from the heads can reach this line.)", by)
			}
		}
		report(d)
	}
}
