package rules

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:       "missing-column",
	Profile:  Default,
	Severity: Error,
	Fix:      FixNever,
	Summary:  "drop_column or alter_column names a column the table does not have at that point",
	Doc: Doc{
		FailsWhen: "On every database: the column does not exist when the operation runs.",
		What: "Finds `drop_column` and `alter_column` (also in batch blocks) on a table whose every column the history " +
			"knows (created by `op.create_table`, every change since followed), naming a column the table does not " +
			"have just before the operation, in upgrade() and downgrade().",
		Why: "PostgreSQL refuses it: `column \"last_seen\" of relation \"users\" does not exist`. It is usually a " +
			"copy-and-paste slip: a downgrade that drops the column from another table than the one its upgrade added " +
			"it to, or a name spelled differently from the one created. In a downgrade it shows only when somebody " +
			"downgrades, long after the revision was merged.",
		Example: `# 0001_tables.py
def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("jobs", sa.Column("id", sa.Integer(), primary_key=True))


# 0002_last_seen.py (the revision under review)
def upgrade():
    op.add_column("jobs", sa.Column("last_seen", sa.DateTime(), nullable=True))


def downgrade():
    op.drop_column("users", "last_seen")`,
		UseInstead: `# 0002_last_seen.py
def downgrade():
    op.drop_column("jobs", "last_seen")`,
		KnownProblems: "Only tables whose columns the history knows in full are judged: a table created by raw SQL, " +
			"reflected, changed by SQL the tool cannot follow, or changed under a condition is left alone, and so is " +
			"a name that matches a column but for case.",
		FixSafety:  "No automatic fix: the right table or name is the author's to say.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.drop_column"},
	},
	Check: checkMissingColumn,
})

func checkMissingColumn(p *Pass) {
	check := func(o *migration.Op, s *history.State) {
		if o.Name != "drop_column" && o.Name != "alter_column" || !o.Certain() || s.Unknown || len(o.ArgProblems) > 0 {
			return // a call Python rejects is invalid-op-argument's: what it names cannot be told
		}
		table, ok := o.Table()
		column, named := o.ArgString("column_name")
		if !ok || !named {
			return
		}
		key := effect.TableKey(o, table)
		t := s.Table(key)
		if t == nil || t.Opaque || t.Uncertain || t.Column(column) != nil || s.MayHaveUnseenColumns(key) {
			return
		}
		for name := range t.Columns.All() {
			if strings.EqualFold(name, column) {
				return // quoting decides whether the names are one
			}
		}
		failure := fmt.Sprintf("column %q of relation %q does not exist", column, table)
		if renamesOnly(o) { // ALTER TABLE ... RENAME COLUMN words it without the table
			failure = fmt.Sprintf("column %q does not exist", column)
		}
		p.Report(o, Message{Text: fmt.Sprintf("%s names column %q, which table %q does not have at this point", o.Name, column, table),
			Help: fmt.Sprintf("It fails with: %s. Check the table and the spelling against the operation that created the column.",
				failure)}, nil)
	}
	p.Upgrade(check)
	p.Downgrade(check)
}

// renamesOnly reports whether an alter_column only renames the column
// (Alembic then issues ALTER TABLE ... RENAME COLUMN and nothing else).
func renamesOnly(o *migration.Op) bool {
	if o.Name != "alter_column" || o.Arg("new_column_name") == nil {
		return false
	}
	for _, change := range []string{"type_", "nullable", "server_default", "comment", "autoincrement"} {
		if o.Arg(change) != nil {
			return false
		}
	}
	return true
}
