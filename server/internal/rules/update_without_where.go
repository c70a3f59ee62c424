package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
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
			"`connection.execute`, `sa.text`), and their SQLAlchemy Core form given to `op.execute` (`t.update().values(...)`, " +
			"`t.delete()`, `sa.update(t)`, `sa.delete(t)` without `.where()`, `t` being `sa.table(\"name\", ...)`), on a table " +
			"that existed before the revision: one finding per table, at its " +
			"first such statement, counting the others. When the UPDATE fills a column added to the table earlier in the " +
			"same transaction (`add_column` or `ALTER TABLE ... ADD COLUMN`, no `autocommit_block()` or `COMMIT` between), " +
			"the message says so: that backfill runs under the ALTER's ACCESS EXCLUSIVE lock.",
		Why: "A statement without WHERE changes every row in one transaction: each row gets a new version and stays " +
			"locked until the migration commits, so any other UPDATE or DELETE of a row of the table waits (reads " +
			"continue), and the table and its indexes grow by a full copy until VACUUM. On a large table that is a long " +
			"write outage and a burst of WAL. Batches (ranges of the primary key, each committed on its own) keep every " +
			"lock short; a WHERE that picks only the rows that need it (`WHERE col IS NULL`) often avoids most of the work. " +
			"A backfill right after `add_column` in the same migration is worse, not better: ADD COLUMN's ACCESS EXCLUSIVE " +
			"lock is held until commit, so even reads wait for the whole backfill; a constant for every row is a " +
			"`server_default` (instant since PostgreSQL 11).",
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
	// added: the columns this upgrade added to each table in its transaction
	// (lower-case table -> column -> true), whose ACCESS EXCLUSIVE lock is
	// still held. One finding per table, at its first statement.
	added := map[string]map[string]bool{}
	type whole struct {
		stmts    []migration.Statement // the table's statements without WHERE
		backfill string                // the first column added in this transaction that one of them sets
		lead     int                   // the statement reported: the first, or the first backfill
	}
	var order []string
	byTable := map[string]*whole{}
	p.Upgrade(func(o *migration.Op, s *history.State) {
		outside := o.OutsideTransaction()
		if outside {
			clear(added) // autocommit_block() commits the transaction first: the ALTER's lock is gone
		}
		if table, ok := o.Table(); ok && o.Name == "add_column" && o.Certain() && !outside {
			if c := p.Migration.Column(o, o.Arg("column")); c != nil && c.NameKnown {
				addedColumn(added, table, c.Name)
			}
		}
		statements := certainStatements(o)
		if st, ok := coreStatement(p.Migration, o); ok {
			statements = []migration.Statement{st}
		}
		for _, st := range statements {
			if st.Verb == "COMMIT" {
				clear(added)
			}
			if st.Kind == migration.SQLAlterTable && !outside {
				for _, a := range st.Actions {
					if a.Kind == migration.AddColumn {
						addedColumn(added, st.Table, a.Column)
					}
				}
			}
			if (st.Kind != migration.SQLUpdate && st.Kind != migration.SQLDelete) || st.Where || preexistingTable(p, s, st.Table) == nil {
				continue
			}
			key := strings.ToLower(st.Table)
			w := byTable[key]
			if w == nil {
				w = &whole{}
				byTable[key] = w
				order = append(order, key)
			}
			w.stmts = append(w.stmts, st)
			if i := slices.IndexFunc(st.SetColumns, func(c string) bool { return added[key][strings.ToLower(c)] }); i >= 0 && w.backfill == "" {
				w.backfill, w.lead = st.SetColumns[i], len(w.stmts)-1
			}
		}
	})
	for _, key := range order {
		w := byTable[key]
		st := w.stmts[w.lead]
		verb := strings.ToUpper(string(st.Kind))
		more, others := "", ""
		if n := len(w.stmts) - 1; n > 0 {
			var lines []string
			for i, o := range w.stmts {
				if i != w.lead {
					lines = append(lines, strconv.Itoa(int(o.Span.StartLine)))
				}
			}
			more = fmt.Sprintf(" (and %d more like it)", n)
			others = fmt.Sprintf(" The same goes for the statement(s) at line(s) %s.", strings.Join(lines, ", "))
		}
		batches := "run it in batches of primary-key ranges, each committed on its own (outside the migration's transaction)"
		if w.backfill != "" {
			p.ReportAt(st.Span, Message{Text: fmt.Sprintf("%s without WHERE backfills %q, added to existing table %q in the same transaction%s",
				verb, w.backfill, st.Table, more),
				Help: fmt.Sprintf("The ADD COLUMN's ACCESS EXCLUSIVE lock on %q is held until the migration commits, so reads and writes of "+
					"the table wait for the whole backfill, not only for the ALTER. If every row gets the same constant, give add_column a "+
					"server_default instead (no rewrite since PostgreSQL 11). Otherwise add the column in this migration and %s.%s",
					st.Table, batches, others)}, nil)
			continue
		}
		p.ReportAt(st.Span, Message{Text: fmt.Sprintf("%s without WHERE changes every row of existing table %q in one transaction%s", verb, st.Table, more),
			Help: fmt.Sprintf("Each row stays locked until the migration commits, so other writes to %q wait (reads continue), "+
				"and the table grows by a full copy of its rows until VACUUM. Limit it to the rows that need it (WHERE ...), or %s.%s",
				st.Table, batches, others)}, nil)
	}
}

// addedColumn notes that a column was added to a table (both lower case).
func addedColumn(added map[string]map[string]bool, table, column string) {
	table = strings.ToLower(table)
	if added[table] == nil {
		added[table] = map[string]bool{}
	}
	added[table][strings.ToLower(column)] = true
}

// coreStatement reads the SQLAlchemy Core form of UPDATE and DELETE that an
// always-run execute() is given: t.update().values(...), t.delete(),
// sa.update(t), sa.delete(t) (with .where(...) or not), where t is
// sa.table("name", ...) or sa.Table("name", ...), directly or through a
// variable. ok is false for anything else.
func coreStatement(m *migration.Migration, o *migration.Op) (st migration.Statement, ok bool) {
	if o.Name != "execute" {
		return st, false
	}
	return coreStatementOf(m, o, o.Arg("sqltext"))
}

// coreStatementOf is coreStatement for the statement e an operation executes
// (op.execute's sqltext, or the first argument of a connection's execute()).
func coreStatementOf(m *migration.Migration, o *migration.Op, e *pysyntax.Expr) (st migration.Statement, ok bool) {
	if o.SQL != nil && (o.SQL.Known || o.SQL.Partial) || !o.Certain() {
		return st, false
	}
	var table *pysyntax.Expr
	for table == nil { // from the last method call of the chain to the update() or delete() it starts with
		if e == nil || e.Kind != pysyntax.Call {
			return st, false
		}
		method := pysyntax.LastName(e.CallName())
		if e.Func().Kind == pysyntax.Attribute {
			method = e.Func().Name
		}
		switch method {
		case "where", "filter", "filter_by":
			st.Where = true
		case "values":
			st.SetColumns = append(st.SetColumns, valuesColumns(e)...)
		case "update", "delete":
			st.Kind = map[string]migration.StatementKind{"update": migration.SQLUpdate, "delete": migration.SQLDelete}[method]
			switch {
			case len(e.Args) == 0 && e.Func().Kind == pysyntax.Attribute: // t.update()
				table = e.Func().Object
			case len(e.Args) == 1: // sa.update(t)
				table = e.Args[0]
			default:
				return st, false
			}
			continue
		default:
			return st, false
		}
		if e.Func().Kind != pysyntax.Attribute {
			return st, false
		}
		e = e.Func().Object
	}
	table, _ = m.Resolve(o, table)
	if table == nil || table.Kind != pysyntax.Call || len(table.Args) == 0 || !slices.Contains([]string{"table", "Table"}, pysyntax.LastName(table.CallName())) {
		return st, false
	}
	if st.Table, ok = table.Args[0].StringValue(); !ok {
		return st, false
	}
	if schema, given := table.Keyword("schema").StringValue(); given {
		st.Table = schema + "." + st.Table
	}
	st.Span, st.Text = o.Call.Span, o.Call.Text
	return st, true
}

// valuesColumns are the columns .values(...) sets: its keywords, and the keys
// of a dict argument ("name" or t.c.name).
func valuesColumns(call *pysyntax.Expr) []string {
	var out []string
	for _, k := range call.Keywords() {
		out = append(out, k.Name)
	}
	for _, a := range call.Args {
		for _, key := range a.Keys() {
			if name, ok := key.StringValue(); ok {
				out = append(out, name)
			} else if key.Kind == pysyntax.Attribute {
				out = append(out, key.Name)
			}
		}
	}
	return out
}
