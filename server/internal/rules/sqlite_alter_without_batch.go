package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:            "sqlite-alter-without-batch",
	StopsFunction: true,
	Profile:       Default,
	DialectAware:  true,
	Severity:      Error,
	Fix:           FixNever,
	Summary:       "On SQLite, a column or constraint change runs outside batch_alter_table",
	Doc: Doc{
		FailsWhen: "On every SQLite database: SQLite has no ALTER for these changes.",
		What: "On SQLite only: finds `alter_column`, `create_foreign_key`, `create_unique_constraint`, " +
			"`create_check_constraint`, `create_primary_key`, `drop_constraint`, and `drop_column` of a column in a foreign " +
			"key, called on `op` rather than inside `with op.batch_alter_table(...) as batch_op:`. A plain column rename " +
			"(`alter_column` with only `new_column_name`) is left alone: SQLite 3.25+ runs it; so is an `alter_column` that " +
			"asks for no change (only `existing_*` arguments, or a misspelled `type=`: Alembic emits nothing), and a plain `drop_column`, " +
			"which SQLite 3.35+ runs. So are operations under other conditions, and " +
			"operations that a test of the dialect name keeps from SQLite (an early " +
			"`if bind.dialect.name == \"sqlite\": return`); one that such a test runs on SQLite (`if bind.dialect.name == " +
			"\"sqlite\":`, `in (\"sqlite\", ...)`) is checked.",
		Why: "SQLite's ALTER TABLE cannot change a column or a constraint. `alter_column` fails with " +
			"`sqlite3.OperationalError: near \"ALTER\": syntax error`, and every constraint operation with " +
			"`NotImplementedError: No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode " +
			"feature which allows for SQLite migrations using a copy-and-move strategy.` `drop_column` needs SQLite 3.35, " +
			"and even then fails for a column that is indexed, UNIQUE or part of a key (`cannot drop UNIQUE column`). " +
			"Batch mode recreates the table with the change and copies the rows over.",
		Example: `# alembic.ini: sqlalchemy.url = sqlite:///app.db
# 0001_create_users.py
def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.VARCHAR(length=200), nullable=True),
    )


# 0002_unique_email.py
def upgrade():
    op.alter_column("users", "email", existing_type=sa.String(length=200), nullable=False)
    op.create_unique_constraint("uq_users_email", "users", ["email"])`,
		UseInstead: `def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("email", existing_type=sa.String(length=200), nullable=False)
        batch_op.create_unique_constraint("uq_users_email", ["email"])`,
		KnownProblems: "Only runs when the dialect is SQLite (from configuration, `alembic.ini`, or inferred). A `drop_column` " +
			"is judged for SQLite 3.35 and later unless `sqlite-version` in [tool.alembic-patterns] names an older one: " +
			"older SQLite has no DROP COLUMN at all. A column that is indexed, " +
			"UNIQUE or a key also fails (`cannot drop UNIQUE column`); indexes and unique constraints are not tracked, " +
			"so those are missed.",
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
	"drop_column":              "", // dropColumnError
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
	check := func(o *migration.Op, s *history.State) {
		// operations under conditions other than tests of the dialect name may not run
		failure, needs := sqliteNeedsBatch[o.Name]
		if !needs || o.Batch != nil || !o.Certain() || renameOnly(o) || changesNothing(o) {
			return
		}
		if o.Name == "drop_constraint" && o.Arg("constraint_name").IsNone() {
			return // unnamed-constraint reports it, with the error SQLite gives: batch mode would not help
		}
		if o.Name == "drop_column" {
			switch {
			case olderThan(p.SQLiteVersion, 35):
				failure = `sqlite3.OperationalError: near "DROP": syntax error (SQLite ` + p.SQLiteVersion + ` has no DROP COLUMN; 3.35 added it)`
			case !inForeignKey(o, s):
				return // SQLite 3.35+ drops a plain column itself
			default:
				failure = dropColumnError(o)
			}
		}
		p.Report(o, sqliteBatchMessage(p.Style(), o, failure), nil)
	}
	p.Upgrade(check)
	p.Downgrade(check)
}

// olderThan reports whether a configured SQLite version ("3.31", "3.31.1")
// is older than 3.<minor>; an unknown version is not.
func olderThan(version string, minor int) bool {
	parts := strings.Split(version, ".")
	if len(parts) < 2 || parts[0] != "3" {
		return false
	}
	n, err := strconv.Atoi(parts[1])
	return err == nil && n < minor
}

// dropColumnError is what SQLite 3.35+ says when DROP COLUMN removes a column
// of a foreign key (checked on SQLite 3.40).
func dropColumnError(o *migration.Op) string {
	table, _ := o.Table()
	column, _ := o.ArgString("column_name")
	return fmt.Sprintf(`sqlite3.OperationalError: error in table %s after drop column: unknown column "%s" in foreign key definition`,
		table, column)
}

// inForeignKey reports whether a dropped column is part of one of its table's
// foreign keys, which SQLite's DROP COLUMN refuses.
func inForeignKey(o *migration.Op, s *history.State) bool {
	table, ok := o.Table()
	column, known := o.ArgString("column_name")
	t := s.Table(effect.TableKey(o, table))
	if !ok || !known || t == nil {
		return false
	}
	for _, fk := range t.FKs() {
		if slices.Contains(fk.Columns, column) {
			return true
		}
	}
	return false
}

// alterChanges are the arguments of alter_column that change the column,
// but for its name (new_column_name).
var alterChanges = []string{"nullable", "type_", "server_default", "comment", "autoincrement"}

// renameOnly reports whether an alter_column only renames the column.
func renameOnly(o *migration.Op) bool {
	return o.Name == "alter_column" && o.Arg("new_column_name") != nil && !changesColumn(o) && len(o.Extra) == 0
}

// changesNothing reports whether an alter_column asks for no change at all
// (only existing_* arguments, or misspelled ones such as type=, which
// invalid-op-argument reports): Alembic then emits no statement.
func changesNothing(o *migration.Op) bool {
	return o.Name == "alter_column" && o.Arg("new_column_name") == nil && !changesColumn(o)
}

// changesColumn reports whether an alter_column changes more than the name.
func changesColumn(o *migration.Op) bool {
	return slices.ContainsFunc(alterChanges, func(arg string) bool { return o.Arg(arg) != nil })
}

func sqliteBatchMessage(st *stylist.Stylist, o *migration.Op, failure string) Message {
	table, ok := o.Table()
	if !ok {
		table = "<table>"
	}
	first, unnamed := "", false
	for _, name := range []string{"column_name", "constraint_name"} {
		if e := o.Arg(name); e != nil {
			first = brief.Code(e.Text, brief.Snippet) + ", "
			if unnamed = name == "constraint_name" && e.IsNone(); unnamed {
				first = st.Quote("<name>") + ", "
			}
			break
		}
	}
	help := fmt.Sprintf("It fails with: %s. Use batch mode, which recreates the table: with %s.batch_alter_table(%s) as "+
		"batch_op: batch_op.%s(%s...)", failure, st.Spell(stylist.Op), st.Quote(table), o.Name, first)
	if unnamed {
		help += fmt.Sprintf(", naming the constraint: the copy refuses an unnamed one (%s)", sqliteBatchNameError)
	}
	return Message{Text: fmt.Sprintf("SQLite cannot run %s through ALTER TABLE", o.Name), Help: help}
}
