package rules

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:           "update-without-where",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "UPDATE or DELETE of every row of an existing table in one statement",
	Doc: Doc{
		FailsWhen: "Under load: every row stays locked until the migration commits, so other writes to the table wait.",
		What: "Finds `UPDATE` and `DELETE` without `WHERE` in the literal SQL of upgrade() (`op.execute`, " +
			"`connection.execute`, `sa.text`) on a table that existed before the revision.",
		Why: "A statement without WHERE changes every row in one transaction: each row gets a new version and stays " +
			"locked until the migration commits, so any other UPDATE or DELETE of a row of the table waits (reads " +
			"continue), and the table and its indexes grow by a full copy until VACUUM. On a large table that is a long " +
			"write outage and a burst of WAL. Batches (ranges of the primary key, each committed on its own) keep every " +
			"lock short; a WHERE that picks only the rows that need it (`WHERE col IS NULL`) often avoids most of the work.",
		Example: `# 0001_create_users.py
def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("plan", sa.Text()))


# 0002_default_plan.py
def upgrade():
    op.execute("UPDATE users SET plan = 'free'")`,
		UseInstead: `# 0002_default_plan.py: only the rows that need it
def upgrade():
    op.execute("UPDATE users SET plan = 'free' WHERE plan IS NULL")`,
		KnownProblems: "Any WHERE is accepted, even one that matches every row; batching done in Python (a loop of " +
			"statements with WHERE) is accepted. SQL with parts not known statically is not read. Tables created in " +
			"the same revision are empty and are not reported. TRUNCATE is not reported here.",
		FixSafety:  "No automatic fix: the batch size and key depend on the table.",
		References: []string{"https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-ROWS", "https://www.postgresql.org/docs/current/routine-vacuuming.html"},
	},
	Check: checkUpdateWithoutWhere,
})

func checkUpdateWithoutWhere(p *Pass) {
	p.Upgrade(func(o *migration.Op, s *history.State) {
		for _, st := range certainStatements(o) {
			if (st.Kind != migration.SQLUpdate && st.Kind != migration.SQLDelete) || st.Where || preexistingTable(p, s, st.Table) == nil {
				continue
			}
			verb := strings.ToUpper(string(st.Kind))
			p.ReportAt(st.Span, Message{Text: fmt.Sprintf("%s without WHERE changes every row of existing table %q in one transaction", verb, st.Table),
				Help: fmt.Sprintf("Each row stays locked until the migration commits, so other writes to %q wait (reads continue), "+
					"and the table grows by a full copy of its rows until VACUUM. Limit it to the rows that need it (WHERE ...), or "+
					"run it in batches of primary-key ranges, each committed on its own (outside the migration's transaction).", st.Table)}, nil)
		}
	})
}
