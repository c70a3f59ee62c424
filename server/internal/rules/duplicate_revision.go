package rules

import (
	"fmt"
	"path/filepath"
	"strings"
)

var _ = register(&Rule{
	ID:       "duplicate-revision",
	Profile:  Default,
	Severity: Error,
	Fix:      FixNever,
	Summary:  "Two files of one script directory declare the same revision id",
	Doc: Doc{
		FailsWhen: "On every database: Alembic keeps only one of the files, so the other's operations never run (or it refuses to build the revision map).",
		What: "Finds revision files in one script directory whose `revision` variables are equal (usually a file copied " +
			"as a template, or the same migration added on two branches under different names).",
		Why: "Alembic only warns `Revision a1b2c3d4e5f6 is present more than once` and keeps one of the two files (the one " +
			"it happens to load last); the other migration silently never runs, and revisions built on it attach to the " +
			"survivor.",
		Example: `# versions/a1b2c3d4e5f6_add_users.py
revision = "a1b2c3d4e5f6"

# versions/a1b2c3d4e5f6_add_orders.py (copied)
revision = "a1b2c3d4e5f6"`,
		UseInstead: `# versions/a1b2c3d4e5f6_add_orders.py, renamed to c3d4e5f6a7b8_add_orders.py
revision = "c3d4e5f6a7b8"
down_revision = "a1b2c3d4e5f6"`,
		KnownProblems: "Ids are compared per script directory, as Alembic does; the same id in two separate version " +
			"locations of one project is not reported.",
		FixSafety: "No automatic fix: give one file a new id (`uuid.uuid4().hex[-12:]`) and update the down_revision of the " +
			"revisions that build on it.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/tutorial.html#create-a-migration-script"},
	},
	CheckGraph: checkDuplicateRevision,
})

// checkDuplicateRevision reports the file the graph left out, not the one it
// kept: Alembic's choice depends on the order it lists the files in.
func checkDuplicateRevision(p *GraphPass) {
	for _, d := range p.Graph.Duplicates {
		other := d.Of.Path
		if rel, err := filepath.Rel(p.Graph.Dir, other); err == nil && !strings.HasPrefix(rel, "..") {
			other = filepath.ToSlash(rel)
		}
		p.Report(d.Migration, d.Migration.Revision.Span, Message{
			Text: fmt.Sprintf("revision %q is also declared by %s", d.Of.ID, other),
			Help: "Alembic warns \"Revision ... is present more than once\" and keeps only one of the two files, so the other " +
				"migration silently never runs. Give this revision a new id"})
	}
}
