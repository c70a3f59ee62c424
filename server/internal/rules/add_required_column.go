package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

var addRequiredColumn = register(&Rule{
	ID:           "add-required-column",
	Profile:      Default,
	DialectAware: true,
	Severity:     Error,
	Summary:      "A NOT NULL column without a server default is added to an existing table",
	Doc: Doc{
		What: "Finds `add_column` (also in batch mode) of a column with `nullable=False` (or a non-serial primary key) and no " +
			"`server_default`, on a table that existed before the revision.",
		Why: "The existing rows get NULL in the new column, which NOT NULL forbids: on a table with rows PostgreSQL fails with " +
			"`column \"age\" of relation \"users\" contains null values` (`ALTER TABLE users ADD COLUMN age INTEGER NOT NULL`). " +
			"An empty table in CI passes, production does not. `default=` does not help: SQLAlchemy applies it to new " +
			"inserts only. Autogenerate writes exactly this for a new required field, and for a renamed required field " +
			"(which it sees as a new column).",
		Example: `def upgrade():
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=False))`,
		UseInstead: `def upgrade():
    # either: a server default fills the existing rows, then goes away
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=False, server_default=sa.text("0")))
    op.alter_column("users", "age", server_default=None)


def upgrade():
    # or: add it nullable, fill it, then require it
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=True))
    op.execute("UPDATE users SET age = 0 WHERE age IS NULL")
    op.alter_column("users", "age", existing_type=sa.Integer(), nullable=False)`,
		KnownProblems: "The tool cannot know whether the table has rows; an empty table would accept the column. Tables created " +
			"in the same revision, or by conditional operations, are skipped. Columns that fill themselves are not reported: " +
			"an integer primary key (rendered SERIAL), `sa.Identity()`, `sa.Computed()`, or a `sa.Sequence` default.",
		FixSafety: "No automatic fix: the value for the existing rows is the author's choice.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.add_column",
			"https://www.postgresql.org/docs/current/ddl-alter.html#DDL-ALTER-ADDING-A-COLUMN"},
	},
	Check: checkAddRequiredColumn,
})

func checkAddRequiredColumn(p *Pass) {
	p.Upgrade(func(o *migration.Op, s *history.State) {
		if o.Name != "add_column" {
			return
		}
		table, t := existingTable(p, o, s)
		c := p.Migration.Column(o, o.Arg("column"))
		if t == nil || c == nil || !c.NameKnown || c.ServerDefault != nil || fillsItself(c) {
			return
		}
		if nullable, known := c.Nullable(); !known || nullable {
			return
		}
		p.Report(o, addRequiredMessage(p.Migration, table, c))
	})
}

// fillsItself reports whether a new column gets a value in existing rows without
// a server default: a serial integer primary key, an identity, a computed column,
// a sequence.
func fillsItself(c *migration.Column) bool {
	for _, a := range c.Expr.Args {
		switch pysyntax.LastName(a.CallName()) {
		case "Identity", "Computed", "Sequence":
			return true
		}
	}
	if !c.PrimaryKey || c.Type == nil {
		return false
	}
	if auto, ok := c.Expr.Keyword("autoincrement").BoolValue(); ok && !auto {
		return false
	}
	switch c.Type.Name {
	case "Integer", "INTEGER", "INT", "BigInteger", "BIGINT", "SmallInteger", "SMALLINT":
		return true
	}
	return false
}

func addRequiredMessage(m *migration.Migration, table string, c *migration.Column) string {
	op := opReceiver(m)
	typ := "<type>"
	if c.Type != nil && c.Type.Expr != nil {
		typ = c.Type.Expr.Text
	}
	msg := fmt.Sprintf("add_column(%q, %q) adds a NOT NULL column without server_default to the existing table %q: if it has rows "+
		"the upgrade fails with: column %q of relation %q contains null values. Either fill the rows with a server default and "+
		"drop it afterwards: sa.Column(%q, %s, nullable=False, server_default=<SQL value>) then %s.alter_column(%q, %q, server_default=None); "+
		"or add it nullable=True, %s.execute(\"UPDATE %s SET %s = <value>\"), then %s.alter_column(%q, %q, nullable=False)",
		table, c.Name, table, c.Name, table, c.Name, typ, op, table, c.Name, op, table, c.Name, op, table, c.Name)
	if c.Expr.Keyword("default") != nil {
		msg += " (default= does not help: SQLAlchemy applies it to new inserts only)"
	}
	return msg
}
