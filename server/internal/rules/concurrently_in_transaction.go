package rules

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:            "concurrently-in-transaction",
	StopsFunction: true,
	Profile:       Default,
	Severity:      Error,
	Fix:           FixSometimes,
	PostgresOnly:  true,
	Summary:       "A CONCURRENTLY index operation runs inside the migration transaction",
	Doc: Doc{
		FailsWhen: "On every database: CREATE or DROP INDEX CONCURRENTLY cannot run inside a transaction block.",
		What: "Finds `create_index`/`drop_index` with `postgresql_concurrently=True`, and `op.execute` (or a connection's " +
			"`execute`) of `CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY` or `REINDEX ... CONCURRENTLY`, outside " +
			"`op.get_context().autocommit_block()`, in upgrade() and downgrade().",
		Why: "Alembic runs each migration in a transaction on PostgreSQL, and PostgreSQL refuses concurrent index builds " +
			"there: `CREATE INDEX CONCURRENTLY cannot run inside a transaction block`. Autogenerate copies " +
			"`postgresql_concurrently=True` from the model's Index into both `create_index` and `drop_index`, so when only " +
			"the upgrade is fixed the downgrade still fails with `DROP INDEX CONCURRENTLY cannot run inside a transaction " +
			"block`. A fresh database in CI fails too.",
		Example: `def upgrade():
    op.create_index("ix_events_kind", "events", ["kind"], unique=False, postgresql_concurrently=True)


def downgrade():
    op.drop_index("ix_events_kind", table_name="events", postgresql_concurrently=True)`,
		UseInstead: `def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("ix_events_kind", "events", ["kind"], unique=False, postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_events_kind", table_name="events", postgresql_concurrently=True)`,
		KnownProblems: "`autocommit_block()` commits what the migration did so far: if a later statement fails, the " +
			"earlier ones stay applied while `alembic_version` is not updated, and a retry may fail on them. Keep " +
			"concurrent index operations in a revision of their own, or last. SQL the tool cannot read is not checked. " +
			"After a COMMIT statement (`op.execute(\"COMMIT\")`, a common way out of the transaction), or a switch of the " +
			"migration's connection to autocommit on its own (`op.get_bind().execution_options(isolation_level=\"AUTOCOMMIT\")`), " +
			"the statements that follow in the function are taken to run outside it. Such a switch is no better: with " +
			"SQLAlchemy 1.4 and psycopg2 it silently rolls back what the transaction held (checked on PostgreSQL: a table " +
			"created before it is gone), that is the revision's earlier operations and, unless `transaction_per_migration` " +
			"is set, the earlier revisions of the same upgrade.",
		FixSafety: "Safe: the statement (consecutive ones together) is wrapped in " +
			"`with op.get_context().autocommit_block():`, using the module's alias of `op` (adding " +
			"`from alembic import op` when the module has none). Operations in a batch block, statements sharing a line " +
			"with other code, and statements holding multi-line strings are reported without a fix.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/api/runtime.html#alembic.runtime.migration.MigrationContext.autocommit_block",
			"https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY"},
		Squawk: []string{"ban-concurrent-index-creation-in-transaction"},
	},
	Check: checkConcurrentlyInTransaction,
})

func checkConcurrentlyInTransaction(p *Pass) {
	seen := map[int]bool{} // a helper's statement is reported once
	for _, f := range []*migration.Function{p.Migration.Upgrade, p.Migration.Downgrade} {
		if f == nil {
			continue
		}
		for _, group := range concurrentGroups(p.Migration.Source, f) {
			fix := autocommitFix(p, group)
			for _, o := range group {
				if seen[o.Call.Span.Start] {
					continue
				}
				seen[o.Call.Span.Start] = true
				p.Report(o, concurrentlyMessage(p.Style(), o), fix)
				fix = nil // the group's fix goes with its first finding
			}
		}
	}
}

// concurrentStatement is the CONCURRENTLY statement an operation runs outside
// autocommit_block ("CREATE INDEX CONCURRENTLY"...), or "".
func concurrentStatement(o *migration.Op) string {
	if o.OutsideTransaction() {
		return ""
	}
	switch o.Name {
	case "create_index", "drop_index":
		if on, known := dialectFlag(o, "postgresql_concurrently"); on && known {
			return strings.ToUpper(strings.Replace(o.Name, "_", " ", 1)) + " CONCURRENTLY"
		}
	case "execute", migration.BindExecute:
		if o.SQL == nil || !o.SQL.Known {
			return ""
		}
		for _, st := range o.SQL.Statements {
			switch {
			case st.Commits():
				return "" // what follows runs outside the migration's transaction
			case !st.Concurrently:
			case st.Kind == migration.SQLCreateIndex:
				return "CREATE INDEX CONCURRENTLY"
			case st.Kind == migration.SQLDropIndex:
				return "DROP INDEX CONCURRENTLY"
			default:
				return "REINDEX CONCURRENTLY"
			}
		}
	}
	return ""
}

// concurrentGroups lists the offending operations, consecutive statements of the
// same block (nothing but whitespace and their trailing comments between them)
// grouped together.
func concurrentGroups(src []byte, f *migration.Function) [][]*migration.Op {
	var groups [][]*migration.Op
	var prev *migration.Op
	for _, o := range f.Ops {
		if concurrentStatement(o) == "" {
			prev = nil
			continue
		}
		if prev != nil && adjacent(src, prev, o) {
			groups[len(groups)-1] = append(groups[len(groups)-1], o)
		} else {
			groups = append(groups, []*migration.Op{o})
		}
		prev = o
	}
	return groups
}

// adjacent reports whether b is the statement right after a in the same block,
// outside batch blocks.
func adjacent(src []byte, a, b *migration.Op) bool {
	end, ok := statementEnd(src, a)
	return ok && a.Batch == nil && b.Batch == nil && a.Indent == b.Indent && end <= b.Stmt.Start &&
		strings.TrimSpace(string(src[end:b.Stmt.Start])) == ""
}

// autocommitFix wraps a group of statements in autocommit_block().
func autocommitFix(p *Pass, group []*migration.Op) *SuggestedFix {
	first, last := group[0], group[len(group)-1]
	if first.Batch != nil {
		return nil // batch operations run when the block exits
	}
	span := first.Stmt
	span.End, span.EndLine, span.EndCol = last.Stmt.End, last.Stmt.EndLine, last.Stmt.EndCol
	edits, ok := autocommitWrap(p.Migration, p.Style().Beside(first), span, first.Indent)
	if !ok {
		return nil
	}
	what := "the statement"
	if len(group) > 1 {
		what = fmt.Sprintf("the %d statements", len(group))
	}
	return &SuggestedFix{Message: "Run " + what + " inside autocommit_block()", Safety: Safe, Edits: edits}
}

func concurrentlyMessage(st *stylist.Stylist, o *migration.Op) Message {
	stmt := concurrentStatement(o)
	help := fmt.Sprintf("PostgreSQL fails with: %s cannot run inside a transaction block. Run it inside "+
		"`with %s.get_context().autocommit_block():`", stmt, st.Spell(stylist.Op))
	if o.Batch != nil {
		help += " (a batch block runs its operations when it exits, still in the transaction: move the index operation out of the batch block)"
	}
	return Message{Text: stmt + " runs inside the migration's transaction", Help: help}
}
