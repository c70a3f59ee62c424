package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:           "truncate-table",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "TRUNCATE of an existing table: every row gone, reads and writes blocked until commit",
	Doc: Doc{
		FailsWhen: "Under load: every read and write of the table waits until the migration commits, and the running application loses its rows.",
		What: "Finds `TRUNCATE` in the literal SQL of upgrade() of a table that existed before the revision; " +
			"`TRUNCATE ... CASCADE` is named as such, since it empties every table with a foreign key to it too.",
		Why: "TRUNCATE takes ACCESS EXCLUSIVE on the table (and, with CASCADE, on every table that references it) and " +
			"holds it until the migration commits, so even reads wait. Its rows are gone for the version of the " +
			"application that is still running, and no downgrade brings them back. Deleting in batches keeps each lock " +
			"short; a table that is truly no longer used is better dropped in a later release, once no code reads it.",
		Example: `# 0001_create_sessions.py
def upgrade():
    op.create_table("sessions", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("expires", sa.DateTime()))


# 0002_clear_sessions.py
def upgrade():
    op.execute("TRUNCATE sessions")`,
		UseInstead: `# 0002_clear_sessions.py: only the rows that must go (in batches on a large table)
def upgrade():
    op.execute("DELETE FROM sessions WHERE expires < now()")`,
		KnownProblems: "An empty or small table is reported too. SQL with parts not known statically is not read. " +
			"Tables created in the same revision are not reported.",
		FixSafety:  "No automatic fix: which rows may go is the application's decision.",
		References: []string{"https://www.postgresql.org/docs/current/sql-truncate.html"},
		Squawk:     []string{"ban-truncate-cascade"},
	},
	Check: checkTruncateTable,
})

func checkTruncateTable(p *Pass) {
	p.Upgrade(func(o *migration.Op, s *history.State) {
		for _, st := range certainStatements(o) {
			if st.Kind != migration.SQLTruncate {
				continue
			}
			for _, table := range st.Tables {
				if preexistingTable(p, s, table) == nil {
					continue
				}
				text := fmt.Sprintf("TRUNCATE empties existing table %q under ACCESS EXCLUSIVE", table)
				if st.Cascade {
					text = fmt.Sprintf("TRUNCATE ... CASCADE empties existing table %q and every table that references it", table)
				}
				p.ReportAt(st.Span, Message{Text: text,
					Help: fmt.Sprintf("Reads and writes of %q wait until the migration commits, and the running application loses its rows "+
						"(no downgrade brings them back). Delete only the rows that must go, in batches; drop a table no code uses any more "+
						"in a later release.", table)}, nil)
			}
		}
	})
}
