package rules

import (
	"fmt"
	"regexp"
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
	Severity:     Error,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "ALTER TYPE ... ADD VALUE runs in the migration transaction and the value is used before it is committed",
	Doc: Doc{
		FailsWhen: "On every database: a new enum value cannot be used before its transaction commits (before PostgreSQL 12, ADD VALUE cannot run in a transaction block at all).",
		What: "Finds `ALTER TYPE ... ADD VALUE` run with `op.execute` (or the connection) inside the migration's transaction, " +
			"outside `op.get_context().autocommit_block()`, when a later operation of the same migration uses the new value " +
			"(SQL quoting it, a default, rows written with it) before anything commits (an autocommit block, or a `COMMIT` " +
			"statement), or when the configured PostgreSQL is older than 12.",
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
			"the same way. Uses hidden in SQL the tool cannot read, or in conditional code, are not counted. After a " +
			"`COMMIT` statement the statements that follow are taken to run outside any transaction, as they do with " +
			"psycopg2 (it sends no new BEGIN; checked on PostgreSQL 15); a driver that begins a new transaction there " +
			"(psycopg 3) would fail on a use after an ADD VALUE that follows the COMMIT. " +
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
		uses := enumValueUses(before, f.Ops)
		for _, o := range f.Ops {
			if o.OutsideTransaction() || !o.Certain() {
				continue
			}
			for _, st := range enumValueAdds(o) {
				wrap := fmt.Sprintf("with %[1]s.get_context().autocommit_block(): %[1]s.execute(%[2]s)",
					p.Style().Spell(stylist.Op), p.Style().Quote(st.Text))
				if v := p.PostgresVersion; v > 0 && v < 12 {
					p.Report(o, Message{Text: fmt.Sprintf("ALTER TYPE ... ADD VALUE inside the migration's transaction on PostgreSQL %d", v),
						Help: fmt.Sprintf("Before PostgreSQL 12 it cannot run in a transaction block, and %s() runs in one: it fails "+
							"with: ALTER TYPE ... ADD cannot run inside a transaction block. Run it outside: %s", f.Name, wrap)}, nil)
					continue
				}
				if use := uses[addKey{o, st.Text}]; use != nil {
					p.Report(o, Message{Text: fmt.Sprintf("enum value %q is added to %s and used on line %d, before the transaction commits",
						st.Value, st.Object, use.Call.Span.StartLine),
						Help: fmt.Sprintf("PostgreSQL fails with: unsafe use of new value %q of enum type %s (HINT: New enum values "+
							"must be committed before they can be used). Add the value outside the transaction: %s", st.Value, st.Object, wrap)}, nil)
				}
			}
		}
	}
}

// addKey is an ADD VALUE statement: its operation and text (the first
// statement of the operation with that text).
type addKey struct {
	op   *migration.Op
	text string
}

// pendingAdd is an ADD VALUE whose value is not used yet.
type pendingAdd struct {
	key addKey
	add migration.Statement
}

// enumValueUses finds, for each ADD VALUE of a function's operations that runs
// in the transaction, the first operation that uses the value it adds before
// anything commits (an autocommit block or a COMMIT commits what ran before it): a
// statement of its own operation after it, or a later operation. One walk
// with the values still waiting for a use, where looking ahead from each ADD
// VALUE was quadratic.
func enumValueUses(before map[*migration.Op]*history.State, ops []*migration.Op) map[addKey]*migration.Op {
	uses := map[addKey]*migration.Op{}
	pending := map[string][]pendingAdd{} // by value
	use := func(o *migration.Op, value, table string, sql bool) {
		kept := pending[value][:0]
		for _, pa := range pending[value] {
			if sql && !mayHoldEnum(before[o], table, pa.add.Object) {
				kept = append(kept, pa)
				continue
			}
			uses[pa.key] = o
		}
		if len(kept) == 0 {
			delete(pending, value)
		} else {
			pending[value] = kept
		}
	}
	for _, o := range ops {
		if o.Autocommit || slices.ContainsFunc(certainStatements(o), migration.Statement.Commits) {
			clear(pending) // committed: an autocommit block, or COMMIT (what follows runs in a new transaction)
		}
		if len(pending) > 0 && o.Certain() && !hidesEffects(o) {
			if o.SQL != nil {
				for _, st := range o.SQL.Statements {
					if st.Kind != migration.SQLAlterTypeAdd {
						for _, v := range sqlLiterals(st.Text) {
							use(o, v, st.Table, true)
						}
					}
				}
			} else {
				for _, v := range literalValues(o.Call) {
					use(o, v, "", false)
				}
			}
		}
		if o.OutsideTransaction() || !o.Certain() || o.SQL == nil || !o.SQL.Known {
			continue
		}
		statements := o.SQL.Statements
		for i, add := range statements {
			if add.Kind != migration.SQLAlterTypeAdd || slices.IndexFunc(statements, func(st migration.Statement) bool { return st.Text == add.Text }) != i {
				continue
			}
			key := addKey{o, add.Text}
			for _, st := range statements[i+1:] {
				if st.Commits() {
					break
				}
				if st.Kind != migration.SQLAlterTypeAdd && slices.Contains(sqlLiterals(st.Text), add.Value) && mayHoldEnum(before[o], st.Table, add.Object) {
					uses[key] = o
					break
				}
			}
			if uses[key] == nil {
				pending[add.Value] = append(pending[add.Value], pendingAdd{key, add})
			}
		}
	}
	return uses
}

// mayHoldEnum reports whether a statement's table (when it names one) may have a
// column of the enum type: unless the table is known and none of its columns is.
func mayHoldEnum(s *history.State, table, enum string) bool {
	t := s.Table(table)
	if table == "" || t == nil || t.Opaque || t.Uncertain || s.Unknown {
		return true
	}
	for _, c := range t.Columns.All() {
		if c.Enum == enum || c.Uncertain {
			return true
		}
	}
	return false
}

// reSQLLiteral is a SQL string literal (” is a quote inside it).
var reSQLLiteral = regexp.MustCompile(`'(?:[^']|'')*'`)

// sqlLiterals are the values of the SQL string literals of a text.
func sqlLiterals(text string) []string {
	var out []string
	for _, l := range reSQLLiteral.FindAllString(text, -1) {
		out = append(out, strings.ReplaceAll(l[1:len(l)-1], "''", "'"))
	}
	return out
}

// literalValues are the values a call holds as string literals, or as SQL
// literals in their text, outside enum type constructors (which only declare
// values).
func literalValues(call *pysyntax.Expr) []string {
	var out []string
	call.Walk(func(e *pysyntax.Expr) bool {
		if e.Kind == pysyntax.Call && isEnumCall(e) {
			return false
		}
		if e.Kind == pysyntax.String {
			out = append(append(out, e.Str), sqlLiterals(e.Str)...)
		}
		return true
	})
	return out
}
