package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "isolation-level-in-transaction",
	Profile:      Default,
	Severity:     Error,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "The migration's connection is switched to autocommit inside its transaction",
	Doc: Doc{
		FailsWhen: "On every database: SQLAlchemy 2.x refuses the switch; SQLAlchemy 1.x with psycopg2 silently rolls back what the transaction held.",
		What: "Finds `execution_options(isolation_level=\"AUTOCOMMIT\")` called on the migration's own connection " +
			"(`op.get_bind()`, or a name holding it), on its own line or assigned to a name, in upgrade() and downgrade(), " +
			"unless `<connection>.commit()` comes just before it.",
		Why: "Alembic runs the migrations inside a transaction it began on that connection. SQLAlchemy 2.x refuses to " +
			"change the isolation level of a connection in a transaction: `InvalidRequestError: This connection has " +
			"already initialized a SQLAlchemy Transaction() object via begin() or autobegin; isolation_level may not be " +
			"altered unless rollback() or commit() is called first.` SQLAlchemy 1.x lets it through, and psycopg2 then " +
			"rolls the transaction back without a word: checked on PostgreSQL with SQLAlchemy 1.4 and psycopg2, an UPDATE " +
			"run before the switch is gone after a successful `alembic upgrade`. What the rollback takes is the revision's " +
			"operations above the switch and, unless `transaction_per_migration=True`, the earlier revisions of the same " +
			"upgrade, while `alembic_version` still moves on. The switch is reported as an error when operations of the " +
			"same function come before it, and as a warning when it comes first (it then loses only earlier revisions' " +
			"work, and only without `transaction_per_migration`).",
		Example: `def upgrade():
    op.execute("UPDATE events SET kind = 'archived' WHERE created < '2020-01-01'")
    op.get_bind().execution_options(isolation_level="AUTOCOMMIT")
    op.execute("CREATE INDEX CONCURRENTLY ix_events_kind ON events (kind)")`,
		UseInstead: `def upgrade():
    op.execute("UPDATE events SET kind = 'archived' WHERE created < '2020-01-01'")
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY ix_events_kind ON events (kind)")`,
		KnownProblems: "A switch on a new connection (`op.get_bind().engine.connect()`) is not reported: it leaves the " +
			"migration's transaction alone. A COMMIT statement (`op.execute(\"COMMIT\")`) before the switch keeps 1.x from " +
			"losing anything but not 2.x from refusing it, so the switch is still reported. Whether the project runs " +
			"SQLAlchemy 1.x or 2.x is not read.",
		FixSafety: "No automatic fix: the statements after the switch must move into `autocommit_block()`, and what " +
			"they need from the transaction is the author's call.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/api/runtime.html#alembic.runtime.migration.MigrationContext.autocommit_block",
			"https://docs.sqlalchemy.org/en/20/core/connections.html#setting-transaction-isolation-levels-including-dbapi-autocommit"},
	},
	Check: checkIsolationLevelInTransaction,
})

func checkIsolationLevelInTransaction(p *Pass) {
	block := fmt.Sprintf("with %s.get_context().autocommit_block():", p.Style().Spell(stylist.Op))
	for _, f := range []*migration.Function{p.Migration.Upgrade, p.Migration.Downgrade} {
		if f == nil {
			continue
		}
		run := "upgrade"
		if f == p.Migration.Downgrade {
			run = "downgrade"
		}
		for _, sw := range f.Switches {
			if sw.AfterCommit {
				continue
			}
			lost := 0 // operations above it that the transaction holds
			for _, o := range f.Ops[:sw.After] {
				if o.Name != migration.UnknownCall && !o.OutsideTransaction() {
					lost++
				}
			}
			const refused = "SQLAlchemy 2.x refuses it: InvalidRequestError: ... isolation_level may not be altered unless " +
				"rollback() or commit() is called first."
			sev, losses := Warning, fmt.Sprintf("the earlier revisions of the same %s are lost", run)
			switch {
			case lost == 1:
				sev, losses = Error, fmt.Sprintf("the operation above it in %s() is lost, and so are the earlier revisions of the same %s", f.Name, run)
			case lost > 1:
				sev, losses = Error, fmt.Sprintf("the %d operations above it in %s() are lost, and so are the earlier revisions of the same %s", lost, f.Name, run)
			}
			msg := Message{Text: fmt.Sprintf("the migration's connection is switched to autocommit inside the transaction of %s()", f.Name),
				Help: fmt.Sprintf("%s SQLAlchemy 1.x with psycopg2 silently rolls the transaction back: %s unless "+
					"transaction_per_migration=True, while alembic_version moves on. Run the statements that cannot run "+
					"in a transaction in `%s` instead.", refused, losses, block)}
			p.ReportSeverity(sev, sw.Call.Span, msg, nil)
		}
	}
}
