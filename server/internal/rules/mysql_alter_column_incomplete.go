package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:              "mysql-alter-column-incomplete",
	Profile:         Default,
	MainDialectOnly: true,
	Severity:        Error,
	Fix:             FixNever,
	Summary:         "On MySQL/MariaDB, an alter_column restates the whole column without saying what it is",
	Doc: Doc{
		FailsWhen: "On every MySQL/MariaDB database when the type is missing (error); on a NOT NULL column, silently, when its nullability is missing (warning).",
		What: "On MySQL and MariaDB only: finds `alter_column` (also in batch mode) that renames a column or changes its " +
			"nullability, type, autoincrement or comment without `existing_type` (nor a new `type_`), and those that leave out " +
			"`existing_nullable` (and `nullable`) on a column the history knows to be NOT NULL. A change of the server " +
			"default alone is left alone: Alembic emits `ALTER COLUMN ... SET DEFAULT` for it.",
		Why: "MySQL has no ALTER COLUMN for these changes: Alembic emits `ALTER TABLE ... MODIFY` (or `CHANGE` for a " +
			"rename), which restates the whole column. Without a type it cannot, and raises `alembic.util.exc.CommandError: " +
			"All MySQL CHANGE/MODIFY COLUMN operations require the existing type.`, online and with `--sql`. What the call " +
			"leaves out is restated from the `existing_*` arguments: without `existing_nullable` the column is written " +
			"`NULL`, so a NOT NULL column silently accepts NULL afterwards, and without `existing_server_default` its " +
			"default is silently dropped (checked on MariaDB 10.11). PostgreSQL changes one property at a time and needs " +
			"none of them, so a migration written there breaks here.",
		Example: `# alembic.ini: sqlalchemy.url = mysql+pymysql://localhost/app
# 0001_create_users.py
def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=100), nullable=False),
    )


# 0002_rename_name.py
def upgrade():
    op.alter_column("users", "name", new_column_name="full_name")`,
		UseInstead: `def upgrade():
    op.alter_column("users", "name", new_column_name="full_name",
                    existing_type=sa.String(length=100), existing_nullable=False)`,
		KnownProblems: "Only runs when the project's main dialect is MySQL/MariaDB (configured, from `alembic.ini`, or " +
			"inferred), not for a project that only also runs there. The history does not follow server defaults, so a " +
			"missing `existing_server_default` is only mentioned, never reported on its own; a column whose nullability " +
			"the history does not know is not reported for a missing `existing_nullable`.",
		FixSafety: "No automatic fix: the type and the nullability to restate are the author's to confirm.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.alter_column",
			"https://mariadb.com/kb/en/alter-table/"},
	},
	Check: checkMySQLAlterColumnIncomplete,
})

const mysqlNeedsType = "alembic.util.exc.CommandError: All MySQL CHANGE/MODIFY COLUMN operations require the existing type."

func checkMySQLAlterColumnIncomplete(p *Pass) {
	if p.Dialect != "mysql" {
		return
	}
	check := func(o *migration.Op, s *history.State) {
		if msg, sev := mysqlAlterProblem(p, o, s); msg.Text != "" {
			p.ReportSeverity(sev, o.Call.Span, msg, nil)
		}
	}
	p.Upgrade(check)
	p.Downgrade(check)
}

// mysqlAlterProblem says what an alter_column leaves MySQL to guess, with the severity.
func mysqlAlterProblem(p *Pass, o *migration.Op, s *history.State) (Message, Severity) {
	if o.Name != "alter_column" || !o.Certain() || o.Unbound {
		return Message{}, ""
	}
	if !o.RestatesOnMySQL() {
		return Message{}, ""
	}
	column, _ := o.ArgString("column_name")
	table, _ := o.Table()
	restate := fmt.Sprintf("MySQL runs it as ALTER TABLE %s MODIFY/CHANGE, which restates the whole column", table)
	defaultNote := ""
	// existing_server_default=False is Alembic's own "not given"; None says none
	existing := o.Arg("existing_server_default")
	if given, isBool := existing.BoolValue(); o.Arg("server_default") == nil && (existing == nil || isBool && !given) {
		defaultNote = " Without existing_server_default a server default it has is silently dropped."
	}
	if o.Arg("type_") == nil && o.Arg("existing_type") == nil {
		return Message{Text: fmt.Sprintf("alter_column(%q, %q) without existing_type fails on MySQL", table, column),
			Help: fmt.Sprintf("%s, so Alembic needs its type and raises: %s Pass existing_type= (and existing_nullable=, "+
				"existing_server_default= as the column is).%s", restate, mysqlNeedsType, defaultNote)}, Error
	}
	if o.Arg("nullable") != nil || o.Arg("existing_nullable") != nil {
		return Message{}, ""
	}
	_, t := existingTable(p, o, s)
	if t == nil || t.Opaque {
		return Message{}, ""
	}
	if c := t.Column(column); c == nil || !c.Known || c.Nullable || c.Uncertain || c.PrimaryKey {
		return Message{}, "" // a primary key column stays NOT NULL whatever MODIFY says
	}
	step := "upgrade"
	if p.InDowngrade(o.Call.Span) {
		step = "downgrade" // PowerDNS-Admin's, judged
	}
	return Message{Text: fmt.Sprintf("alter_column(%q, %q) without existing_nullable makes the NOT NULL column nullable on MySQL", table, column),
		Help: fmt.Sprintf("%s: what the call does not say is written as NULL, so the %s passes and the column silently "+
			"accepts NULL. Pass existing_nullable=False.%s", restate, step, defaultNote)}, Warning
}
