package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:           "drop-database",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "DROP DATABASE in a migration",
	Doc: Doc{
		FailsWhen: "Under load: DROP DATABASE fails while any session is connected to the database; WITH (FORCE) ends those sessions.",
		What:      "Finds `DROP DATABASE` in the literal SQL of upgrade().",
		Why: "A revision runs on every environment, production included, and a dropped database cannot be brought back " +
			"by a downgrade. DROP DATABASE cannot run inside a transaction block, so in Alembic's transaction it fails " +
			"(`ERROR: DROP DATABASE cannot run inside a transaction block`); in an autocommit block it fails while anyone " +
			"is connected to the database, and with `WITH (FORCE)` it disconnects them. Creating and removing databases " +
			"belongs to provisioning, not to a schema migration.",
		Example: `op.execute("DROP DATABASE IF EXISTS reports")`,
		UseInstead: `# drop the database in provisioning (or by hand), not in a revision
def upgrade():
    pass`,
		KnownProblems: "SQL with parts not known statically is not read.",
		FixSafety:     "No automatic fix: removing the statement changes what the revision does.",
		References:    []string{"https://www.postgresql.org/docs/current/sql-dropdatabase.html"},
		Squawk:        []string{"ban-drop-database"},
	},
	Check: checkDropDatabase,
})

func checkDropDatabase(p *Pass) {
	p.Upgrade(func(o *migration.Op, _ *history.State) {
		for _, st := range certainStatements(o) {
			if st.Verb != "DROP DATABASE" {
				continue
			}
			p.ReportAt(st.Span, Message{Text: fmt.Sprintf("DROP DATABASE %q in a migration", st.Name),
				Help: "It runs on every environment and no downgrade brings the database back; it also cannot run inside the " +
					"migration's transaction, and fails while anyone is connected (WITH (FORCE) disconnects them). " +
					"Create and remove databases in provisioning, not in a revision."}, nil)
		}
	})
}
