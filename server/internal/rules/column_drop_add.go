package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var columnDropAdd = register(&Rule{
	ID:       "column-drop-add",
	Profile:  Default,
	Severity: Warning,
	Summary:  "A column is dropped and added in one migration: its data is lost",
	Doc: Doc{
		What: "Finds a `drop_column` and an `add_column` of the same column of an existing table in one upgrade() or " +
			"downgrade() (a type change done as drop + add), and the rename shape autogenerate writes: a `drop_column` of " +
			"one column and an `add_column` of another column of a compatible type on the same table, when nothing in the " +
			"function copies the data over.",
		Why: "Autogenerate cannot see renames: renaming `users.name` to `full_name` in the model gives " +
			"`op.add_column('users', sa.Column('full_name', ...))` and `op.drop_column('users', 'name')`. The migration " +
			"runs without an error and every value is gone: `full_name` is all NULL, and after a downgrade `name` is too. " +
			"With `nullable=False` the add fails instead (`column \"full_name\" ... contains null values`). Changing a column's " +
			"type (an ARRAY's element type, a length) by dropping and re-adding it loses the data the same way.",
		Example: `def upgrade():
    op.add_column("users", sa.Column("full_name", sa.String(length=100), nullable=True))
    op.drop_column("users", "name")


def downgrade():
    op.add_column("users", sa.Column("name", sa.VARCHAR(length=100), autoincrement=False, nullable=True))
    op.drop_column("users", "full_name")`,
		UseInstead: `def upgrade():
    op.alter_column("users", "name", new_column_name="full_name")


def downgrade():
    op.alter_column("users", "full_name", new_column_name="name")


# a type change keeps the data with USING:
def upgrade():
    op.alter_column("posts", "tags",
                    existing_type=postgresql.ARRAY(sa.String(length=50)),
                    type_=postgresql.ARRAY(sa.String(length=100)),
                    postgresql_using="tags::varchar(100)[]")`,
		KnownProblems: "A drop of one column and an add of another of the same type family may be two unrelated changes; " +
			"it is reported only when exactly one such pair exists on the table. Column types are known from the history " +
			"(`create_table`, `add_column`, `alter_column(type_=...)`). A data step the tool cannot read (SQL built at run " +
			"time, a call into other code) or an `UPDATE` naming the column silences the rule, since it may copy the data.",
		FixSafety: "No automatic fix: only the author knows whether it is a rename, a type change, or really a new column.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/autogenerate.html#what-does-autogenerate-detect-and-what-does-it-not-detect",
			"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.alter_column"},
	},
	Check: checkColumnDropAdd,
})

// columnChange is a drop_column or add_column on an existing table.
type columnChange struct {
	op     *migration.Op
	table  string // as written
	key    string // history.TableKey
	column string
	typ    *migration.TypeRef
}

func checkColumnDropAdd(p *Pass) {
	columnDropAddIn(p, p.Migration.Upgrade, p.Upgrade)
	columnDropAddIn(p, p.Migration.Downgrade, p.Downgrade)
}

func columnDropAddIn(p *Pass, f *migration.Function, walk func(func(*migration.Op, *history.State))) {
	if f == nil {
		return
	}
	var drops, adds []columnChange
	walk(func(o *migration.Op, s *history.State) {
		if o.Name != "drop_column" && o.Name != "add_column" {
			return
		}
		table, t := existingTable(p, o, s)
		if t == nil {
			return
		}
		ch := columnChange{op: o, table: table, key: history.TableKey(o, table)}
		if o.Name == "drop_column" {
			col, ok := o.ArgString("column_name")
			if !ok {
				return
			}
			ch.column = col
			if c := t.Columns[col]; c != nil {
				ch.typ = c.Type
			}
			drops = append(drops, ch)
			return
		}
		c := p.Migration.Column(o, o.Arg("column"))
		if c == nil || !c.NameKnown {
			return
		}
		ch.column, ch.typ = c.Name, c.Type
		adds = append(adds, ch)
	})
	for _, d := range drops {
		if copiesData(f, d) {
			continue
		}
		if a, ok := sameColumn(adds, d); ok {
			p.Report(d.op, replacedMessage(p.Migration, d, a))
			continue
		}
		if a, ok := renameCandidate(drops, adds, d); ok {
			p.Report(d.op, renameMessage(p.Migration, d, a))
		}
	}
}

// copiesData reports whether some operation of the function may carry the
// dropped column's data over (an UPDATE naming it, hidden effects...).
func copiesData(f *migration.Function, d columnChange) bool {
	for _, o := range f.Ops {
		if mayFill(o, d.table, d.column) {
			return true
		}
	}
	return false
}

// sameColumn finds an add of the very column dropped.
func sameColumn(changes []columnChange, c columnChange) (columnChange, bool) {
	for _, x := range changes {
		if x.key == c.key && x.column == c.column {
			return x, true
		}
	}
	return columnChange{}, false
}

// renameCandidate pairs a dropped column with the one added column of the same
// table and type family, when the pairing is unambiguous both ways.
func renameCandidate(drops, adds []columnChange, d columnChange) (columnChange, bool) {
	match := func(list []columnChange, c columnChange, others []columnChange) []columnChange {
		var out []columnChange
		for _, x := range list {
			_, replaced := sameColumn(others, x)
			if x.key == c.key && !replaced && typeFamily(x.typ) != "" && typeFamily(x.typ) == typeFamily(c.typ) {
				out = append(out, x)
			}
		}
		return out
	}
	if _, replaced := sameColumn(adds, d); replaced {
		return columnChange{}, false
	}
	candidates := match(adds, d, drops)
	if len(candidates) != 1 || len(match(drops, candidates[0], adds)) != 1 {
		return columnChange{}, false
	}
	return candidates[0], true
}

// typeFamilies group the types a rename may show on its two sides (autogenerate
// writes generic types in upgrade, reflected ones in downgrade).
var typeFamilies = map[string]string{
	"String": "string", "VARCHAR": "string", "Unicode": "string", "NVARCHAR": "string", "CHAR": "string", "NCHAR": "string",
	"Text": "string", "TEXT": "string", "UnicodeText": "string", "CITEXT": "string",
	"Integer": "integer", "INTEGER": "integer", "INT": "integer", "BigInteger": "integer", "BIGINT": "integer",
	"SmallInteger": "integer", "SMALLINT": "integer",
	"Numeric": "number", "NUMERIC": "number", "DECIMAL": "number", "Float": "number", "FLOAT": "number", "REAL": "number",
	"Double": "number", "DOUBLE_PRECISION": "number",
	"Boolean": "boolean", "BOOLEAN": "boolean",
	"DateTime": "datetime", "TIMESTAMP": "datetime", "Date": "date", "DATE": "date", "Time": "time", "TIME": "time",
	"Interval": "interval", "INTERVAL": "interval",
	"JSON": "json", "JSONB": "json", "UUID": "uuid", "Uuid": "uuid", "Enum": "enum", "ENUM": "enum",
	"LargeBinary": "binary", "BYTEA": "binary",
}

// typeFamily is the family of a column type, "" when unknown.
func typeFamily(t *migration.TypeRef) string {
	if t == nil {
		return ""
	}
	if t.Name == "ARRAY" {
		if item := typeFamily(t.Item); item != "" {
			return "array of " + item
		}
		return ""
	}
	return typeFamilies[t.Name]
}

func replacedMessage(m *migration.Migration, d, a columnChange) string {
	typ := "<new type>"
	if a.typ != nil && a.typ.Expr != nil {
		typ = a.typ.Expr.Text
	}
	return fmt.Sprintf("drop_column(%q, %q) and add_column of %q again replace the column: every value in %s.%s is lost "+
		"(the new column starts empty) and nothing fails to tell you. Change it in place instead: "+
		"%s.alter_column(%q, %q, type_=%s, postgresql_using=\"%s::<new SQL type>\")",
		d.table, d.column, d.column, d.table, d.column, opReceiver(m), d.table, d.column, typ, d.column)
}

func renameMessage(m *migration.Migration, d, a columnChange) string {
	return fmt.Sprintf("drop_column(%q, %q) with add_column(%q, sa.Column(%q, ...)) looks like a rename of %s to %s: done as "+
		"drop + add, every value of %q is lost and %q starts empty, without any error. Rename in place: "+
		"%s.alter_column(%q, %q, new_column_name=%q)",
		d.table, d.column, a.table, a.column, d.column, a.column, d.column, a.column, opReceiver(m), d.table, d.column, a.column)
}
