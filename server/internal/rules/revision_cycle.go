package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
)

var _ = register(&Rule{
	ID:       "revision-cycle",
	Profile:  Default,
	Severity: Error,
	Fix:      FixNever,
	Summary:  "The revision graph has a cycle",
	Doc: Doc{
		FailsWhen: "On every database: Alembic cannot order the revisions.",
		What: "Finds revisions whose `down_revision` chain leads back to themselves (a revision pointing at its own " +
			"descendant, often after a bad merge or a hand-edited down_revision).",
		Why: "Alembic refuses to load such a history: every command fails with `Cycle is detected in revisions (...)`.",
		Example: `# 0001_users.py
revision = "0001"
down_revision = "0002"

# 0002_orders.py
revision = "0002"
down_revision = "0001"`,
		UseInstead: `# 0001_users.py
revision = "0001"
down_revision = None`,
		KnownProblems: "One cycle is reported per tangle of revisions, at the first revision of it by id.",
		FixSafety:     "No automatic fix: only the author knows which down_revision is wrong.",
		References:    []string{"https://alembic.sqlalchemy.org/en/latest/branches.html"},
	},
	CheckGraph: checkRevisionCycle,
})

// checkRevisionCycle reports each cycle at the down_revision of its first
// revision.
func checkRevisionCycle(p *GraphPass) {
	for _, cycle := range p.Graph.Cycles {
		m := p.Graph.Revisions[cycle[0]].Migration
		help := "Each revision's down_revision points back into the cycle. Alembic refuses to load the history: every " +
			"command fails with \"Cycle is detected in revisions (...)\". Point one of these down_revisions at an earlier revision"
		if len(cycle) > shortCycle {
			help += ". The whole cycle: " + cycleText(cycle, brief.Names)
		}
		p.Report(m, m.DownRevision.Span, Message{Text: "revision cycle: " + cycleText(cycle, shortCycle), Help: help})
	}
}

// shortCycle is how many revisions of a cycle a message names.
const shortCycle = 4

// cycleText is a cycle as "a -> b -> a", its middle cut when it has more
// than names revisions.
func cycleText(cycle []string, names int) string {
	if len(cycle) > names {
		return fmt.Sprintf("%s -> ... (%d more) -> %s -> %s", strings.Join(cycle[:names-1], " -> "), len(cycle)-names, cycle[len(cycle)-1], cycle[0])
	}
	return strings.Join(slices.Concat(cycle, cycle[:1]), " -> ")
}
