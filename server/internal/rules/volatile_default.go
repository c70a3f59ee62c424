package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:           "volatile-default",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "A column is added to an existing table with a volatile server_default, which rewrites the table",
	Doc: Doc{
		FailsWhen: "Under load: the table is rewritten under ACCESS EXCLUSIVE, so reads and writes wait for the whole rewrite.",
		What: "Finds `add_column` (also `batch_op.add_column`) on a table that existed before the revision whose column has " +
			"a volatile `server_default`: `gen_random_uuid()`, `uuid_generate_v4()`, `random()`, `clock_timestamp()`, " +
			"`timeofday()`, `nextval(...)`, `txid_current()`, written as `sa.text(\"...\")`, `sa.func.<name>()` or " +
			"`sa.Sequence(...).next_value()`; and columns PostgreSQL fills for every existing row: `sa.Identity()`, " +
			"`sa.Computed(...)` (a stored generated column) and an integer primary key SQLAlchemy renders as SERIAL. When the " +
			"configured PostgreSQL is older than 11, any server_default is reported. In literal SQL, `ALTER TABLE ... ADD " +
			"COLUMN` with such a DEFAULT, or of a serial, identity or stored generated column (which rewrite the table " +
			"too), is reported with advice.",
		Why: "Since PostgreSQL 11, adding a column with a non-volatile default is instant: the value is stored once in the " +
			"catalog. `now()` and `CURRENT_TIMESTAMP` are STABLE, so they qualify. A volatile default must be computed for " +
			"every existing row, so `ALTER TABLE ... ADD COLUMN` rewrites the whole table and its indexes while holding " +
			"ACCESS EXCLUSIVE: no reads or writes on the table until the migration commits, for as long as the rewrite " +
			"takes. Before PostgreSQL 11 every DEFAULT rewrites the table.",
		Example: `# 0001_create_users.py
def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))


# 0002_add_token.py
def upgrade():
    op.add_column(
        "users",
        sa.Column("token", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=True),
    )`,
		UseInstead: `def upgrade():
    op.add_column("users", sa.Column("token", sa.UUID(), nullable=True))
    # the default applies to new rows only: no rewrite
    op.alter_column("users", "token", server_default=sa.text("gen_random_uuid()"))


# then backfill the existing rows in batches, outside the DDL transaction (a script or
# a later migration), e.g. UPDATE users SET token = gen_random_uuid() WHERE id BETWEEN ...`,
		KnownProblems: "Only functions known to be volatile are reported; a default calling a user-defined volatile function " +
			"is not. A column type from a variable or a helper is not known to be an integer, so its SERIAL rendering is not " +
			"seen. A plain string `server_default=\"random()\"` is the text constant 'random()', not a call, and is fine.",
		FixSafety: "No automatic fix: the backfill depends on the table's size and keys.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES",
			"https://www.postgresql.org/docs/current/xfunc-volatility.html",
			"https://www.postgresql.org/docs/current/explicit-locking.html",
			"https://squawkhq.com/docs/adding-field-with-default",
			"https://github.com/ankane/strong_migrations#adding-a-column-with-a-volatile-default-value"},
		Squawk: []string{"adding-field-with-default", "adding-serial-primary-key-field"},
	},
	Check: checkVolatileDefault,
})

func checkVolatileDefault(p *Pass) {
	old := p.PostgresVersion != 0 && p.PostgresVersion < 11
	p.Upgrade(func(o *migration.Op, s *history.State) {
		for _, st := range certainStatements(o) {
			if st.Kind == migration.SQLAlterTable && preexistingTable(p, s, st.Table) != nil {
				rewritingColumnsSQL(p, st, old)
			}
		}
		if o.Name != "add_column" {
			return
		}
		table, t := existingTable(p, o, s)
		c := p.Migration.Column(o, o.Arg("column"))
		if t == nil || c == nil {
			return
		}
		column := "the column"
		if c.NameKnown {
			column = fmt.Sprintf("%q", c.Name)
		}
		if kind := selfFillingColumn(c); kind != "" {
			p.Report(o, Message{Text: fmt.Sprintf("add_column adds %s to existing table %q as %s, which rewrites the table",
				column, effect.TableKey(o, table), kind),
				Help: "PostgreSQL gives every existing row a value (SERIAL and identity columns draw one from their sequence, a " +
					"generated column computes it), so the ALTER TABLE rewrites the whole table and its indexes under an ACCESS " +
					"EXCLUSIVE lock (no reads or writes until the migration commits). Add a plain nullable column instead, give new " +
					"rows their value (a sequence default set with alter_column, or the application), then backfill the existing " +
					"rows in batches outside the migration's transaction."}, nil)
			return
		}
		if c.ServerDefault == nil {
			return
		}
		expr, _ := p.Migration.Resolve(o, c.ServerDefault)
		fn, known := migration.VolatileDefault(expr)
		rewrite := "Add the column without a server_default, set the default with alter_column (it applies to new rows " +
			"only, no rewrite), then backfill the existing rows in batches outside the migration's transaction"
		switch {
		case fn != "":
			p.Report(o, Message{Text: fmt.Sprintf("add_column adds %s to existing table %q with volatile server_default %s",
				column, effect.TableKey(o, table), fn),
				Help: "PostgreSQL computes it for every existing row, so the ALTER TABLE rewrites the whole table and its indexes " +
					"under an ACCESS EXCLUSIVE lock (no reads or writes until the migration commits). " + rewrite}, nil)
		case old && known:
			p.Report(o, Message{Text: fmt.Sprintf("add_column adds %s to existing table %q with a server_default on PostgreSQL %d",
				column, effect.TableKey(o, table), p.PostgresVersion),
				Help: "Before PostgreSQL 11 any DEFAULT makes the ALTER TABLE rewrite the whole table and its indexes under an " +
					"ACCESS EXCLUSIVE lock (no reads or writes until the migration commits). " + rewrite}, nil)
		}
	})
}

// rewritingColumnsSQL: ALTER TABLE ... ADD COLUMN in SQL, on an existing
// table, that rewrites it: a volatile DEFAULT (any DEFAULT before PostgreSQL
// 11), a serial, identity or stored generated column.
func rewritingColumnsSQL(p *Pass, st migration.Statement, old bool) {
	for _, a := range st.Actions {
		if a.Kind != migration.AddColumn {
			continue
		}
		var why string
		switch fn := migration.VolatileIn(a.DefaultText); {
		case a.Rewrite:
			why = fmt.Sprintf("%s is a serial, identity or generated column: PostgreSQL fills it for every existing row", a.Column)
		case a.Default && fn != "":
			why = fmt.Sprintf("the default %s of %s is volatile: PostgreSQL computes it for every existing row", fn, a.Column)
		case a.Default && old:
			why = fmt.Sprintf("on PostgreSQL %d (before 11) any DEFAULT is written into every existing row", p.PostgresVersion)
		default:
			continue
		}
		p.ReportAt(st.Span, Message{Text: fmt.Sprintf("ADD COLUMN %q rewrites existing table %q under ACCESS EXCLUSIVE", a.Column, st.Table),
			Help: fmt.Sprintf("Because %s, the whole table and its indexes are rewritten under an ACCESS EXCLUSIVE lock (no reads "+
				"or writes until the migration commits). Add the column without the default (a plain nullable column), set the "+
				"default afterwards with ALTER COLUMN ... SET DEFAULT (new rows only), then backfill the existing rows in batches "+
				"outside the migration's transaction.", why)}, nil)
	}
}
