package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var sqliteAlterWithoutBatch = register(&Rule{
	ID:       "sqlite-alter-without-batch",
	Profile:  Default,
	Severity: Error,
	Summary:  "On SQLite, a column or constraint change runs outside batch_alter_table",
	Doc: Doc{
		What: "On SQLite only: finds `alter_column`, `drop_column`, `create_foreign_key`, `create_unique_constraint`, " +
			"`create_check_constraint`, `create_primary_key` and `drop_constraint` called on `op` rather than inside " +
			"`with op.batch_alter_table(...) as batch_op:`. A plain column rename (`alter_column` with only " +
			"`new_column_name`) is left alone: SQLite 3.25+ runs it. So are conditional operations, which are usually " +
			"guarded by a dialect check, and operations that a test of the dialect name keeps from SQLite (an early " +
			"`if bind.dialect.name == \"sqlite\": return`).",
		Why: "SQLite's ALTER TABLE cannot change a column or a constraint. `alter_column` fails with " +
			"`sqlite3.OperationalError: near \"ALTER\": syntax error`, and every constraint operation with " +
			"`NotImplementedError: No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode " +
			"feature which allows for SQLite migrations using a copy-and-move strategy.` `drop_column` needs SQLite 3.35, " +
			"and even then fails for a column that is indexed, UNIQUE or part of a key (`cannot drop UNIQUE column`). " +
			"Batch mode recreates the table with the change and copies the rows over.",
		Example: `def upgrade():
    op.alter_column("users", "email", existing_type=sa.String(length=200), nullable=False)
    op.create_unique_constraint("uq_users_email", "users", ["email"])`,
		UseInstead: `def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("email", existing_type=sa.String(length=200), nullable=False)
        batch_op.create_unique_constraint("uq_users_email", ["email"])`,
		KnownProblems: "Only runs when the dialect is SQLite (from configuration, `alembic.ini`, or inferred from the " +
			"migrations). A `drop_column` of a plain column works on SQLite 3.35 and later; it is still reported, since " +
			"older SQLite and constrained columns fail and batch mode works everywhere.",
		FixSafety: "No automatic fix: moving operations into a batch block changes when they run (when the block exits) " +
			"and may need the table's constraints named for the copy.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/batch.html",
			"https://www.sqlite.org/lang_altertable.html"},
	},
	Check: checkSQLiteAlterWithoutBatch,
})

// sqliteNeedsBatch maps the operations SQLite cannot run directly to the error
// they raise.
var sqliteNeedsBatch = map[string]string{
	"alter_column":             `sqlite3.OperationalError: near "ALTER": syntax error`,
	"drop_column":              `sqlite3.OperationalError: near "DROP": syntax error before SQLite 3.35; later versions still refuse indexed, UNIQUE or key columns (cannot drop UNIQUE column: "code")`,
	"create_foreign_key":       sqliteConstraintError,
	"create_unique_constraint": sqliteConstraintError,
	"create_check_constraint":  sqliteConstraintError,
	"create_primary_key":       sqliteConstraintError,
	"drop_constraint":          sqliteConstraintError,
}

const sqliteConstraintError = "NotImplementedError: No support for ALTER of constraints in SQLite dialect. " +
	"Please refer to the batch mode feature which allows for SQLite migrations using a copy-and-move strategy"

func checkSQLiteAlterWithoutBatch(p *Pass) {
	if p.Dialect != "sqlite" {
		return
	}
	for _, f := range []*migration.Function{p.Migration.Upgrade, p.Migration.Downgrade} {
		if f == nil {
			continue
		}
		for _, o := range f.Ops {
			// conditional operations are often guarded by a dialect check
			if failure := sqliteNeedsBatch[o.Name]; failure != "" && o.Batch == nil && o.Certain() && !renameOnly(o) {
				p.Report(o, sqliteBatchMessage(p.Migration, o, failure))
			}
		}
	}
}

// renameOnly reports whether an alter_column only renames the column.
func renameOnly(o *migration.Op) bool {
	if o.Name != "alter_column" || o.Arg("new_column_name") == nil {
		return false
	}
	for _, changes := range []string{"nullable", "type_", "server_default", "comment", "autoincrement"} {
		if o.Arg(changes) != nil {
			return false
		}
	}
	return len(o.Extra) == 0
}

func sqliteBatchMessage(m *migration.Migration, o *migration.Op, failure string) string {
	table, ok := o.Table()
	if !ok {
		table = "<table>"
	}
	first := ""
	for _, name := range []string{"column_name", "constraint_name"} {
		if e := o.Arg(name); e != nil {
			first = e.Text + ", "
			break
		}
	}
	return fmt.Sprintf("SQLite cannot run %s through ALTER TABLE; it fails with: %s. Use batch mode, which recreates the table: "+
		"with %s.batch_alter_table(%s) as batch_op: batch_op.%s(%s...)",
		o.Name, failure, opReceiver(m), quote(m, table), o.Name, first)
}
