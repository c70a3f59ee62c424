package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "enum-value-in-transaction",
	Profile:      Default,
	Severity:     Warning,
	PostgresOnly: true,
	Summary:      "ALTER TYPE ... ADD VALUE runs in the migration transaction and the value is used before it is committed",
	Doc: Doc{
		What: "Finds `ALTER TYPE ... ADD VALUE` run with `op.execute` (or the connection) inside the migration's transaction, " +
			"outside `op.get_context().autocommit_block()`, when a later operation of the same migration uses the new value " +
			"(SQL quoting it, a default, rows written with it), or when the configured PostgreSQL is older than 12.",
		Why: "Alembic runs a migration in one transaction. PostgreSQL 12 and later accept `ADD VALUE` there, but the new value " +
			"cannot be used until that transaction commits: `(psycopg2.errors.UnsafeNewEnumValueUsage) unsafe use of new value " +
			"\"cancelled\" of enum type status_type` / `HINT: New enum values must be committed before they can be used`. " +
			"Before PostgreSQL 12, `ALTER TYPE ... ADD` cannot run inside a transaction block at all.",
		Example: `def upgrade() -> None:
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")
    op.execute("UPDATE orders SET status = 'cancelled' WHERE shipped_at IS NULL")`,
		UseInstead: `def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")
    op.execute("UPDATE orders SET status = 'cancelled' WHERE shipped_at IS NULL")`,
		KnownProblems: "Only uses in the same migration are seen. `alembic upgrade head` runs all pending revisions in one " +
			"transaction unless `transaction_per_migration=True`, so a value added in one revision and used by the next fails " +
			"the same way. Uses hidden in SQL the tool cannot read, or in conditional code, are not counted. " +
			"`autocommit_block()` commits what ran before it, so the migration is no longer atomic.",
		FixSafety: "No automatic fix: moving a statement out of the transaction changes what a failure rolls back. The message shows " +
			"the `autocommit_block()` to write.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertype.html",
			"https://alembic.sqlalchemy.org/en/latest/api/runtime.html#alembic.runtime.migration.MigrationContext.autocommit_block"},
	},
	Check: checkEnumValueInTransaction,
})

func checkEnumValueInTransaction(p *Pass) {
	before := map[*migration.Op]*history.State{} // the schema just before each operation
	record := func(o *migration.Op, s *history.State) { before[o] = s }
	p.Upgrade(record)
	p.Downgrade(record)
	for _, f := range []*migration.Function{p.Migration.Upgrade, p.Migration.Downgrade} {
		if f == nil {
			continue
		}
		for i, o := range f.Ops {
			if o.OutsideTransaction() || !o.Certain() {
				continue
			}
			for _, st := range enumValueAdds(o) {
				wrap := fmt.Sprintf("with %[1]s.get_context().autocommit_block(): %[1]s.execute(%[2]s)",
					p.Style().Spell(stylist.Op), p.Style().Quote(st.Text))
				if v := p.PostgresVersion; v > 0 && v < 12 {
					p.Report(o, fmt.Sprintf("ALTER TYPE ... ADD VALUE inside the migration's transaction on PostgreSQL %d. Before PostgreSQL 12 it cannot run in a transaction block, and %s() runs in one: it fails with: ALTER TYPE ... ADD cannot run inside a transaction block. Run it outside: %s",
						v, f.Name, wrap), nil)
					continue
				}
				if use := enumValueUse(before, f.Ops[i:], st); use != nil {
					p.Report(o, fmt.Sprintf("enum value %q is added to %s and used on line %d, before the transaction commits. PostgreSQL fails with: unsafe use of new value %q of enum type %s (HINT: New enum values must be committed before they can be used). Add the value outside the transaction: %s",
						st.Value, st.Object, use.Call.Span.StartLine, st.Value, st.Object, wrap), nil)
				}
			}
		}
	}
}

// enumValueUse finds the first of ops that uses the value an ADD VALUE statement
// adds, before anything commits the transaction (an autocommit block commits
// what ran before it).
// The ADD VALUE's own operation comes first in ops: statements after it in the
// same SQL count too.
func enumValueUse(before map[*migration.Op]*history.State, ops []*migration.Op, add migration.Statement) *migration.Op {
	quoted := "'" + strings.ReplaceAll(add.Value, "'", "''") + "'"
	for i, o := range ops {
		if i > 0 && o.Autocommit {
			return nil
		}
		if i > 0 && (!o.Certain() || hidesEffects(o)) {
			continue
		}
		if o.SQL != nil {
			statements := o.SQL.Statements
			if i == 0 {
				statements = statements[slices.IndexFunc(statements, func(st migration.Statement) bool { return st.Text == add.Text })+1:]
			}
			for _, st := range statements {
				if st.Kind != migration.SQLAlterTypeAdd && strings.Contains(st.Text, quoted) && mayHoldEnum(before[o], st.Table, add.Object) {
					return o
				}
			}
			continue
		}
		if literalUses(o.Call, add.Value, quoted) {
			return o
		}
	}
	return nil
}

// mayHoldEnum reports whether a statement's table (when it names one) may have a
// column of the enum type: unless the table is known and none of its columns is.
func mayHoldEnum(s *history.State, table, enum string) bool {
	t := s.Table(table)
	if table == "" || t == nil || t.Opaque || t.Uncertain || s.Unknown {
		return true
	}
	for _, c := range t.Columns {
		if c.Enum == enum || c.Uncertain {
			return true
		}
	}
	return false
}

// literalUses reports whether a call holds the value as a string literal, or SQL
// text quoting it, outside enum type constructors (which only declare values).
func literalUses(call *pysyntax.Expr, value, quoted string) bool {
	found := false
	call.Walk(func(e *pysyntax.Expr) bool {
		if found || (e.Kind == pysyntax.Call && isEnumCall(e)) {
			return false
		}
		found = e.Kind == pysyntax.String && (e.Str == value || strings.Contains(e.Str, quoted))
		return !found
	})
	return found
}
