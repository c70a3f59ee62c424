package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

var _ = register(&Rule{
	ID:            "missing-column",
	StopsFunction: true,
	Profile:       Default,
	Severity:      Error,
	Fix:           FixNever,
	Summary:       "An operation names a column the table does not have at that point",
	Doc: Doc{
		FailsWhen: "On every database: the column does not exist when the operation runs.",
		What: "Finds `drop_column` and `alter_column` (also in batch blocks) on a table whose every column the history " +
			"knows (created by `op.create_table`, every change since followed), naming a column the table does not " +
			"have just before the operation, in upgrade() and downgrade(). On PostgreSQL and MySQL it also reads the " +
			"columns of `create_foreign_key` (on both tables: a foreign key made again in a downgrade before the " +
			"referenced column is renamed back), `create_index` (names only; an expression is no column), " +
			"`create_unique_constraint` and `create_primary_key`.",
		Why: "PostgreSQL refuses it: `column \"last_seen\" of relation \"users\" does not exist` (for a key: `column \"code\" " +
			"referenced in foreign key constraint does not exist`, `column \"code\" named in key does not exist`). It is usually a " +
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
			"a name that matches a column but for case. On SQLite only `drop_column` and `alter_column` are read: it checks " +
			"no referenced column when it makes a foreign key, and a batch re-creates the table its own way.",
		FixSafety:  "No automatic fix: the right table or name is the author's to say.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.drop_column"},
	},
	Check: checkMissingColumn,
})

func checkMissingColumn(p *Pass) {
	check := func(o *migration.Op, s *history.State) {
		if !o.Certain() || s.Unknown || len(o.ArgProblems) > 0 {
			return // a call Python rejects is invalid-op-argument's: what it names cannot be told
		}
		for _, n := range namedColumns(p, o) {
			if !lacksColumn(s, n.key, n.column) {
				continue
			}
			text := fmt.Sprintf("%s names column %q, which table %q does not have at this point", o.Name, n.column, n.table)
			if n.referenced {
				text = fmt.Sprintf("%s references column %q, which table %q does not have at this point", o.Name, n.column, n.table)
			}
			advice := "Check the table and the spelling against the operation that created the column."
			if later := columnMadeLater(p, o, n.table, n.column); later != nil {
				// orchest's downgrade makes the foreign key before it renames the column back (judged)
				advice = fmt.Sprintf("The same function makes the column only later, at line %d: move this operation after that one.",
					later.Call.Span.StartLine)
			}
			p.Report(o, Message{Text: text, Help: fmt.Sprintf("It fails with: %s. %s", n.failure, advice)}, nil)
			return // the database stops at the first
		}
	}
	p.Upgrade(check)
	p.Downgrade(check)
}

// namedColumn is a column an operation needs on a table, and what the
// database prints when the table lacks it.
type namedColumn struct {
	table, key, column, failure string
	referenced                  bool // the referenced column of a foreign key
}

// namedColumns are the columns an operation needs: the column drop_column
// and alter_column change, and on PostgreSQL and MySQL those a foreign key,
// an index, a unique key or a primary key is made of (orchest's downgrade
// makes a foreign key to a column its upgrade renamed; judged). SQLite checks
// no referenced column, and a batch re-creates the table its own way.
func namedColumns(p *Pass, o *migration.Op) []namedColumn {
	table, ok := o.Table()
	if !ok {
		return nil
	}
	key := effect.TableKey(o, table)
	mysql := p.Dialect == "mysql"
	keyColumn := func(column string) string {
		return fmt.Sprintf("Key column '%s' doesn't exist in table (MySQL error 1072)", column)
	}
	var out []namedColumn
	add := func(table, key string, columns []string, failure func(string) string, referenced bool) {
		for _, c := range columns {
			if pysyntax.IsIdentifier(c) { // an expression ("lower(email)") is no column name
				out = append(out, namedColumn{table: table, key: key, column: c, failure: failure(c), referenced: referenced})
			}
		}
	}
	switch o.Name {
	case "drop_column", "alter_column":
		column, named := o.ArgString("column_name")
		if !named {
			return nil
		}
		failure := fmt.Sprintf("column %q of relation %q does not exist", column, table)
		if renamesOnly(o) { // ALTER TABLE ... RENAME COLUMN words it without the table
			failure = fmt.Sprintf("column %q does not exist", column)
		}
		return []namedColumn{{table: table, key: key, column: column, failure: failure}}
	}
	if !p.IsPostgres() && !mysql {
		return nil
	}
	columns := func(arg string) []string {
		if cols, ok := o.Arg(arg).Strings(); ok {
			return cols
		}
		return nil
	}
	switch o.Name {
	case "create_foreign_key":
		ref, refOK := o.ArgString("referent_table")
		refSchema, schemaOK := o.ArgString("referent_schema")
		fkFailure := func(c string) string {
			return fmt.Sprintf("column %q referenced in foreign key constraint does not exist", c)
		}
		refFailure := fkFailure
		if mysql {
			fkFailure = keyColumn
			name, named := o.ArgString("constraint_name")
			if !named {
				name = "<its name>"
			}
			refFailure = func(c string) string {
				return fmt.Sprintf("Failed to add the foreign key constraint. Missing column '%s' for constraint '%s' in the referenced "+
					"table '%s' (MySQL error 3734; MariaDB: errno 150 \"Foreign key constraint is incorrectly formed\")", c, name, ref)
			}
		}
		add(table, key, columns("local_cols"), fkFailure, false)
		if refOK && (schemaOK || o.Arg("referent_schema") == nil) {
			refKey := ref
			if refSchema != "" {
				refKey = refSchema + "." + ref
			}
			add(ref, refKey, columns("remote_cols"), refFailure, true)
		}
	case "create_index":
		if on, _ := o.Arg("if_not_exists").BoolValue(); on {
			return nil // an index of that name may be there already: then nothing is checked
		}
		add(table, key, columns("columns"), func(c string) string {
			if mysql {
				return keyColumn(c)
			}
			return fmt.Sprintf("column %q does not exist", c)
		}, false)
	case "create_unique_constraint", "create_primary_key":
		add(table, key, columns("columns"), func(c string) string {
			switch {
			case mysql:
				return keyColumn(c)
			case o.Name == "create_primary_key":
				return fmt.Sprintf("column %q of relation %q does not exist", c, table)
			}
			return fmt.Sprintf("column %q named in key does not exist", c)
		}, false)
	}
	return out
}

// columnMadeLater is the operation after o in o's function that adds the
// column to the table or renames a column to it, nil when none does.
func columnMadeLater(p *Pass, o *migration.Op, table, column string) *migration.Op {
	for _, f := range []*migration.Function{p.Migration.Upgrade, p.Migration.Downgrade} {
		if f == nil {
			continue
		}
		if at := slices.Index(f.Ops, o); at >= 0 {
			for _, later := range f.Ops[at+1:] {
				if later.Name != "create_table" && later.Call != nil && createsColumn(p.Migration, later, table, column) {
					return later
				}
			}
		}
	}
	return nil
}

// lacksColumn reports whether the table is one whose every column the state
// knows, without the column (nor one that differs from it only by case:
// quoting decides whether the names are one).
func lacksColumn(s *history.State, key, column string) bool {
	t := s.Table(key)
	if t == nil || t.Opaque || t.Uncertain || t.Column(column) != nil || s.MayHaveUnseenColumns(key) {
		return false
	}
	for name := range t.Columns.All() {
		if strings.EqualFold(name, column) {
			return false
		}
	}
	return true
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
