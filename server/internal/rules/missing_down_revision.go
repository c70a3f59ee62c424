package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
)

var _ = register(&Rule{
	ID:       "missing-down-revision",
	Profile:  Default,
	Severity: Error,
	Fix:      FixNever,
	Summary:  "down_revision or depends_on names a revision that does not exist",
	Doc: Doc{
		FailsWhen: "On every database: Alembic cannot build the revision map (Can't locate revision).",
		What: "Finds `down_revision` and `depends_on` values that name no revision of the script directory (nor, for " +
			"`depends_on`, a branch label), and suggests ids that share a prefix with the missing one.",
		Why: "Alembic builds its revision map before any command: for a missing down_revision it warns `Revision " +
			"a1b2c3d4e5f referenced from ... is not present`, and either way it then fails with a KeyError, so `upgrade`, " +
			"`downgrade`, `history` and `revision` all stop working. " +
			"It usually comes from a typo, a shortened id, or a revision file that exists only on another branch.",
		Example: `# a1b2c3d4e5f6_create_users.py
revision = "a1b2c3d4e5f6"
down_revision = None

# b2c3d4e5f6a7_add_orders.py
revision = "b2c3d4e5f6a7"
down_revision = "a1b2c3d4e5f"  # the parent is a1b2c3d4e5f6`,
		UseInstead: `revision = "b2c3d4e5f6a7"
down_revision = "a1b2c3d4e5f6"`,
		KnownProblems: "Each script directory is checked on its own: a `depends_on` pointing into another version location " +
			"of the same project is reported when that location is not part of the check. A package that registers its " +
			"history through an entry point group naming alembic or migrations (`invenio_db.alembic`, `quetz.migrations`) " +
			"(or an entry so named, `gn_module: migrations = ...`) in pyproject.toml, setup.cfg or setup.py shares it with an " +
			"application that merges every installed package's revisions, and an application whose code reads such entry " +
			"points (`entry_points(group=\"alembic\")`) merges them into its own: an id not in the history is then an " +
			"info, expected in another package.",
		FixSafety:  "No automatic fix: only the author knows which revision was meant; the message lists close ids.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/branches.html"},
	},
	CheckGraph: checkMissingDownRevision,
})

func checkMissingDownRevision(p *GraphPass) {
	for _, d := range p.Graph.Dangling {
		m := d.Revision.Migration
		field, header := "down_revision", m.DownRevision
		if d.DependsOn {
			field, header = "depends_on", m.DependsOn
		}
		if p.Graph.SharedThrough != "" {
			// the application adds the other packages' revisions at run time
			p.ReportSeverity(Info, m, header.Span, Message{Text: fmt.Sprintf("%s %q of revision %q is not in this history", field, d.Target, d.Revision.ID),
				Help: fmt.Sprintf("This history is merged with other packages' through the entry point group %q at run time, "+
					"and the revision is expected among theirs. If it is not another package's, Alembic cannot build its "+
					"revision map%s", p.Graph.SharedThrough, closeIDs(p.Graph, d.Target))})
			continue
		}
		p.Report(m, header.Span, Message{Text: fmt.Sprintf("%s %q of revision %q does not exist", field, d.Target, d.Revision.ID),
			Help: fmt.Sprintf("Alembic cannot build its revision map, so every command (upgrade, downgrade, history, revision) "+
				"fails with a KeyError naming the missing id. Point it at an existing revision id%s", closeIDs(p.Graph, d.Target))})
	}
}

// closeIDs suggests the revision ids that share a prefix with a missing one
// (a shortened id, or one with a character too many).
func closeIDs(g *history.Graph, id string) string {
	if id == "" {
		return "" // every id has the empty prefix: no suggestion says anything
	}
	var close []string
	for other := range g.Revisions {
		if strings.HasPrefix(other, id) || strings.HasPrefix(id, other) {
			close = append(close, other)
		}
	}
	if len(close) == 0 {
		return ""
	}
	slices.Sort(close)
	return fmt.Sprintf(" (did you mean %s?)", brief.List(close, brief.Names))
}
