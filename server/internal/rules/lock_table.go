package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:           "lock-table",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "LOCK TABLE that blocks writes to an existing table until the migration commits",
	Doc: Doc{
		FailsWhen: "Under load: writes to the table (and, in ACCESS EXCLUSIVE mode, reads) wait until the migration commits.",
		What: "Finds `LOCK TABLE` in a mode that conflicts with writes (SHARE, SHARE ROW EXCLUSIVE, EXCLUSIVE, " +
			"ACCESS EXCLUSIVE, the default) in the literal SQL of upgrade(), on a table that existed before the revision.",
		Why: "An explicit lock lasts until the transaction ends, and Alembic runs a migration in one transaction: the " +
			"lock covers every later statement of the revision, and of the later revisions too when they share the " +
			"transaction (`transaction_per_migration` off, the default). While LOCK waits for the table, every new query " +
			"of the table queues behind it, so a long-running read is enough to stop the application's writes. Weaker " +
			"modes (ACCESS SHARE, ROW SHARE, ROW EXCLUSIVE, SHARE UPDATE EXCLUSIVE) do not conflict with reads and writes " +
			"and are not reported.",
		Example: `# 0001_create_accounts.py
def upgrade():
    op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("balance", sa.Integer()))


# 0002_lock_accounts.py
def upgrade():
    op.execute("LOCK TABLE accounts IN EXCLUSIVE MODE")
    op.execute("UPDATE accounts SET balance = 0 WHERE balance IS NULL")`,
		UseInstead: `# 0002_lock_accounts.py: no explicit lock; the UPDATE locks only the rows it changes
def upgrade():
    op.execute("UPDATE accounts SET balance = 0 WHERE balance IS NULL")`,
		KnownProblems: "A lock that a later statement takes anyway (ALTER TABLE takes ACCESS EXCLUSIVE) is reported too: " +
			"taking it first with a lock_timeout is a deliberate pattern, which a suppression comment documents. " +
			"SQL with parts not known statically is not read. Tables created in the same revision are not reported.",
		FixSafety:  "No automatic fix: whether the lock is needed depends on what the statements after it rely on.",
		References: []string{"https://www.postgresql.org/docs/current/sql-lock.html", "https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES"},
	},
	Check: checkLockTable,
})

// writeBlockingModes are the modes of LOCK TABLE that conflict with ROW
// EXCLUSIVE, the lock of INSERT, UPDATE and DELETE; true when they conflict
// with ACCESS SHARE (SELECT) too.
var writeBlockingModes = map[string]bool{"SHARE": false, "SHARE ROW EXCLUSIVE": false, "EXCLUSIVE": false, "ACCESS EXCLUSIVE": true}

func checkLockTable(p *Pass) {
	p.Upgrade(func(o *migration.Op, s *history.State) {
		for _, st := range certainStatements(o) {
			blocksReads, blocking := writeBlockingModes[st.LockMode]
			if st.Verb != "LOCK TABLE" || !blocking {
				continue
			}
			blocked := "writes"
			if blocksReads {
				blocked = "reads and writes"
			}
			for _, table := range st.Tables {
				if preexistingTable(p, s, table) == nil {
					continue
				}
				p.ReportAt(st.Span, Message{Text: fmt.Sprintf("LOCK TABLE %q IN %s MODE blocks %s of an existing table until the migration commits", table, st.LockMode, blocked),
					Help: fmt.Sprintf("The lock lasts for the rest of the migration's transaction, and while LOCK waits for it every new query of %q "+
						"queues behind it. Drop it when the statements after it lock what they need themselves; otherwise set lock_timeout "+
						"first (SET lock_timeout = '5s') and keep the locked part short, in a revision of its own.", table)}, nil)
			}
		}
	})
}
