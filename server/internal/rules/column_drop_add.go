package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "column-drop-add",
	Profile:      Default,
	DialectAware: true,
	Severity:     Warning,
	Fix:          FixNever,
	Summary:      "A column is dropped and added in one migration: its data is lost",
	Doc: Doc{
		FailsWhen: "Never with an error (but an added NOT NULL column fails on a table with rows): every database with values in the column silently loses them.",
		What: "Finds a `drop_column` and an `add_column` of the same column of an existing table in one upgrade() or " +
			"downgrade() (a type change done as drop + add), and the rename shape autogenerate writes: a `drop_column` of " +
			"one column and an `add_column` of another column of the same type family on the same table, when the names " +
			"are related (one contains the other, a typo apart, the same last word: `name` -> `full_name`, " +
			"`gets_emails` -> `receives_emails`) and nothing in the function copies the data over. Not a rename: " +
			"foreign keys to different tables, a dropped column whose referenced table the function drops, an added " +
			"NOT NULL column with its own server default, an UPDATE that fills the added column, or a function that " +
			"renames columns with `alter_column(new_column_name=...)`. Not reported either: a key change (the column points " +
			"at a table whose columns are dropped too, or other tables' keys to it are), a change to or from binary data " +
			"(no cast could keep it), a scratch column the function added itself and drops again (nothing changes), a " +
			"downgrade's drop of the column its upgrade added when the upgrade dropped nothing the downgrade adds back (the " +
			"plain inverse of that add, not a rename), a function whose comments accept the loss (\"data loss\", " +
			"\"discarded\") or that logs a warning naming the column (`logger.warning(...)`), and a column a SELECT of the " +
			"function reads first (its values go through Python). A comment saying the values cannot be cast (\"Can't cast yes/no values to integers, so dropping " +
			"and adding is required\", \"no cast from ...\") accepts it for the columns PostgreSQL would not convert by itself, " +
			"not for one re-added with the type it had. When PostgreSQL has no cast between the two types (as the history " +
			"knows them: integer to jsonb, an enum to or from integer), the help asks for a converting expression instead of " +
			"a cast; when the added column is NOT NULL without a server default, it says that the add fails on a table with " +
			"rows (except on MySQL, which fills them with the type's implicit default).",
		Why: "Autogenerate cannot see renames: renaming `users.name` to `full_name` in the model gives " +
			"`op.add_column('users', sa.Column('full_name', ...))` and `op.drop_column('users', 'name')`. The migration " +
			"runs without an error and every value is gone: `full_name` is all NULL, and after a downgrade `name` is too. " +
			"With `nullable=False` the add fails instead (`column \"full_name\" ... contains null values`). Changing a column's " +
			"type (an ARRAY's element type, a length) by dropping and re-adding it loses the data the same way: change it in " +
			"place instead, `op.alter_column(\"posts\", \"tags\", existing_type=postgresql.ARRAY(sa.String(length=50)), " +
			"type_=postgresql.ARRAY(sa.String(length=100)), postgresql_using=\"tags::varchar(100)[]\")`. An enum type made again " +
			"under its name with other labels cannot change in place through `alter_column`; the help gives the statements " +
			"that rebuild it (a new type, the column converted to it, the old type dropped and the new one renamed).",
		Example: `# 0001_create_users.py
def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=100), nullable=True),
    )


# 0002_full_name.py
def upgrade():
    op.add_column("users", sa.Column("full_name", sa.String(length=100), nullable=True))
    op.drop_column("users", "name")


def downgrade():
    op.add_column("users", sa.Column("name", sa.VARCHAR(length=100), autoincrement=False, nullable=True))
    op.drop_column("users", "full_name")`,
		UseInstead: `def upgrade():
    op.alter_column("users", "name", new_column_name="full_name")


def downgrade():
    op.alter_column("users", "full_name", new_column_name="name")`,
		KnownProblems: "A rename to a synonym (`handle` -> `nickname`) is not recognised: its names share nothing. " +
			"A drop of one column and an add of another of the same type family may be two unrelated changes; " +
			"it is reported only when exactly one such pair exists on the table, with the evidence above. Column types are known from the history " +
			"(`create_table`, `add_column`, `alter_column(type_=...)`). A data step the tool cannot read (SQL built at run " +
			"time, a call into other code) or an `UPDATE` naming the column silences the rule, since it may copy the data.",
		FixSafety: "No automatic fix: only the author knows whether it is a rename, a type change, or really a new column.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/autogenerate.html#what-does-autogenerate-detect-and-what-does-it-not-detect",
			"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.alter_column"},
	},
	Check: checkColumnDropAdd,
})

func checkColumnDropAdd(p *Pass) {
	upDrops, upAdds := columnChanges(p, p.Migration.Upgrade, p.Upgrade)
	downDrops, downAdds := columnChanges(p, p.Migration.Downgrade, p.Downgrade)
	// a column whose content moves to another one in either function keeps
	// its name for other content both ways (see contentMoved)
	moved := map[string]bool{}
	for _, ch := range [][2][]columnChange{{upDrops, upAdds}, {downDrops, downAdds}} {
		for _, d := range ch[0] {
			for _, a := range ch[1] {
				if a.key == d.key && strings.EqualFold(a.column, d.column) && contentMoved(d, a, ch[1]) {
					moved[colKey(d.key, d.column)] = true
				}
			}
		}
	}
	columnDropAddIn(p, p.Migration.Upgrade, p.Migration.Downgrade, upDrops, upAdds, moved)
	columnDropAddIn(p, p.Migration.Downgrade, p.Migration.Upgrade, downDrops, downAdds, moved)
}

func columnDropAddIn(p *Pass, f, other *migration.Function, drops, adds []columnChange, moved map[string]bool) {
	if len(drops) == 0 || acceptsLoss(p.Migration, f) {
		return // nothing dropped, or the author says the data goes on purpose
	}
	noCastSaid := saysInComments(p.Migration, f, noCastWords)
	r := newRenames(p.Migration, f, other, drops, adds)
	for i, d := range drops {
		if d.generated || emptiedBefore(p, d.op, d.table) {
			continue // its values come from an expression, or none are left: nothing of its own is lost
		}
		if namedIn(f.Warnings, d.column) {
			continue // the function warns that the column's values go (fides' downgrade, judged)
		}
		if a, ok := r.replacement(d); ok {
			// a comment saying the values cannot be cast is about a change
			// PostgreSQL would not make by itself, not about a re-add of the same type
			accepted := noCastSaid && needsConversion(d, a)
			if !a.generated && !r.copiesData(d) && !r.rebuilt(d, a) && !keyRebuilt(drops, d) && castable(d.typ, a.typ) && !accepted &&
				!moved[colKey(d.key, d.column)] {
				p.Report(d.op, replacedMessage(p, d, a, f.Name == "downgrade"), nil)
			}
			continue
		}
		// a pair with unrelated names is left alone: too often two different
		// columns (add-required-column still mentions it when it matters)
		if a, evidence := r.partner(i); evidence == likelyRename && !a.generated {
			p.Report(d.op, renameMessage(p, d, a, f.Name == "downgrade"), nil)
		}
	}
}

// contentMoved reports whether the name of a dropped column comes back for
// narrower content while the function adds another column to the table wide
// enough for the old values: the content moves there, and the name now means
// something else (rucio's heartbeats: the command line moves to a new
// "readable" column, "executable" becomes its hash). Keeping the old values
// under the name, as the rule's help says, would be wrong.
func contentMoved(d, a columnChange, adds []columnChange) bool {
	was, now := d.was, pgTypeOf(a.typ)
	if was == nil || now == nil || !narrows(was, now) {
		return false
	}
	return slices.ContainsFunc(adds, func(b columnChange) bool {
		wide := pgTypeOf(b.typ)
		return b.key == d.key && !strings.EqualFold(b.column, d.column) && wide != nil && wide.family == was.family &&
			!narrows(was, wide)
	})
}

// keyRebuilt reports whether the column is part of a key change done in the
// same function: it points at a table whose columns are dropped too, or
// columns of other tables that point at its table are dropped too. The old
// values are keys of rows that are being rebuilt (integer ids becoming UUIDs).
func keyRebuilt(drops []columnChange, d columnChange) bool {
	for _, x := range drops {
		if x.key == d.key && x.column == d.column {
			continue
		}
		if d.refTable != "" && strings.EqualFold(x.table, d.refTable) || x.refTable != "" && strings.EqualFold(x.refTable, d.table) ||
			x.refUnknown { // a key whose target is computed may point at d's table
			return true
		}
	}
	return false
}

// castable reports whether PostgreSQL can convert the old type to the new one
// with a USING cast (so that keeping the data was an option): not between
// binary data (ciphertext, pickles) and the other types, nor into or out of
// a type the application encrypts (sqlalchemy_utils' StringEncryptedType: a
// cast would leave plain text where the application expects ciphertext).
func castable(from, to *migration.TypeRef) bool {
	a, b := typeFamily(from), typeFamily(to)
	return a == "" || b == "" || (a == "binary") == (b == "binary") && (a == "ciphertext") == (b == "ciphertext")
}

// lossWords in a function's comments say that data goes on purpose.
var lossWords = commentWords{[]string{"los", "kept", "preserved", "restored", "discard", "allow"},
	regexp.MustCompile(`(?i)\b(information loss|data loss|loses? (the )?data|lost on purpose|not (be )?(kept|preserved|restored)|discard(ed|s)?|should not allow)\b`)}

// noCastWords in a function's comments say that the values cannot be
// converted, so that the drop + add is deliberate ("Can't cast yes/no values
// to integers, so dropping and adding is required").
var noCastWords = commentWords{[]string{"cast", "conver", "required", "needed", "necessary"},
	regexp.MustCompile(`(?i)\b(can'?t|cannot|can not|could ?n[o']t|unable to) (be )?(cast|convert)|` +
		`\b(there is )?no (direct |possible )?(cast|conversion) (from|between|exists)|` +
		`\bdrop(ping)? and (re-?)?add(ing)? (it |them |the columns? )?(is |are )?(required|needed|necessary)`)}

// acceptsLoss reports whether the function's comments accept losing data.
func acceptsLoss(m *migration.Migration, f *migration.Function) bool {
	return saysInComments(m, f, lossWords)
}

// needsConversion reports whether PostgreSQL would not convert the dropped
// column's values to the added column's type by itself (no implicit or
// assignment cast), or the types are not known well enough to tell.
func needsConversion(d, a columnChange) bool {
	if to := pgTypeOf(a.typ); d.was != nil && to != nil {
		return !convertible(d.was, to)
	}
	from := typeFamily(d.typ)
	return from == "" || from != typeFamily(a.typ)
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
	"LargeBinary": "binary", "Binary": "binary", "_Binary": "binary", "BYTEA": "binary", "BLOB": "binary",
	"EncryptedType": "ciphertext", "StringEncryptedType": "ciphertext",
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

func replacedMessage(p *Pass, d, a columnChange, downgrade bool) Message {
	st := p.Style()
	text := fmt.Sprintf("drop_column(%q, %q) + add_column of %q again replaces the column%s", d.table, d.column, d.column, inDowngrade(downgrade))
	typ := "<new type>"
	if a.typ != nil && a.typ.Expr != nil {
		typ = brief.Code(a.typ.Expr.Text, brief.Snippet)
	}
	lost := fmt.Sprintf("Every value in %s.%s is lost (the new column starts %s) and nothing fails to tell you.", d.table, d.column, startsWith(p, a))
	if addFailsOnRows(p, a) {
		lost = fmt.Sprintf("The add fails on a table with rows (NOT NULL without a server default); given a server default, it "+
			"would pass and every value in %s.%s would be lost without an error.", d.table, d.column)
	}
	change, restated, same := "type_="+typ, restatedColumn(p, d), sameType(d, a)
	if same {
		// the same type added again: what changes is the rest of the column
		// (zun re-adds a NOT NULL String(36) as nullable), or nothing but its
		// values (asterisk's cos_audio)
		nullable, known := a.added.Nullable()
		if known && d.wasKnown && nullable == d.wasNullable && a.added.ServerDefault == nil && a.refTable == d.refTable {
			return Message{Text: text, Help: lost + fmt.Sprintf(" The column comes back as it was, so only its values change: "+
				"remove both operations, or, to empty it on purpose, say so with %s.execute(%s).",
				st.Spell(stylist.Op), st.Quote("UPDATE "+p.SQLTableOf(d.op, d.table)+" SET "+p.SQLName(d.column)+" = NULL"))}
		}
		change, restated = "existing_type="+typ, ""
		if known {
			change += ", nullable=" + pyBool(nullable)
		}
	}
	alter := func(using string) string {
		return fmt.Sprintf("%s.alter_column(%s, %s, %s%s%s)", st.Spell(stylist.Op), st.Quote(d.table), st.Quote(d.column), change, using, writtenSchema(d.op))
	}
	keep := "Change it in place instead: " + alter(restated) + restatedNote(restated)
	if p.IsPostgres() && !same {
		keep = "Change it in place instead: " + alter(", postgresql_using="+st.Quote(d.column+"::<new SQL type>"))
		to := pgTypeOf(a.typ)
		if to != nil {
			// the type is known: no placeholder (osparc, namex; judged)
			keep = "Change it in place instead: " + alter(", postgresql_using="+st.Quote(d.column+"::"+to.cast)) +
				", which fails on a value that does not convert"
		}
		switch {
		case d.was == nil || to == nil:
		case to.cast == d.was.cast && effect.EnumOf(a.typ) != nil:
			// the enum type made again under its name with other labels:
			// alter_column to the same name changes nothing (ubuntu's
			// components, judged)
			en := effect.EnumOf(a.typ)
			keep = "An enum type's labels do not change with alter_column to the same name. To keep the values, rebuild the " +
				"type in place with op.execute, after changing the rows holding a label that goes away: " +
				strings.Join(enumRebuild(p.Before, en.Name, en.Values, func(table, column string) bool {
					return table == d.key && column == d.column && d.wasDefault != "" || historyDefault(p.Before, table, column) != ""
				}), "; ") + ". " + rebuildCaution + " If they cannot be kept, the drop + add is " +
				"deliberate: say so in a comment above it."
		case castBetween(d.was, to) == automaticCast:
			// PostgreSQL converts it by itself: no USING (numeric to numeric(15, 2))
			keep = "Change it in place instead: " + alter(restated) + restatedNote(restated)
			if narrows(d.was, to) || numericChanges(d.was, to, a.typ) {
				keep += ", which fails on a value the new type cannot hold"
			}
		case castBetween(d.was, to) == noCast:
			keep = fmt.Sprintf("PostgreSQL has no cast from %s to %s (%s::%s fails). To keep the values, convert them in place "+
				"with an expression (a function, a CASE): %s.%s If they cannot be kept, the drop + add is deliberate: "+
				"say so in a comment above it (# no cast from %s to %s).", d.was.cast, to.cast, d.column, to.cast,
				alter(", postgresql_using="+st.Quote("<expression of "+d.column+">")),
				defaultFirst(d.column, d.wasDefault, to, dropDefault(p, d.table, d.column), setDefault(p, d, a)), d.was.cast, to.cast)
		case d.wasDefault != "": // an explicit cast
			keep += "." + defaultFirst(d.column, d.wasDefault, to, dropDefault(p, d.table, d.column), setDefault(p, d, a))
		}
	}
	return Message{Text: text, Help: lost + " " + keep}
}

// setDefault is the alter_column that gives a column changed in place the
// server default its re-added column declares ("" when it declares none).
func setDefault(p *Pass, d, a columnChange) string {
	if a.added == nil || a.added.ServerDefault == nil {
		return ""
	}
	st := p.Style()
	return fmt.Sprintf("%s.alter_column(%s, %s, server_default=%s)", st.Spell(stylist.Op), st.Quote(d.table), st.Quote(d.column),
		a.added.ServerDefault.Text)
}

// numericChanges reports a numeric declared again with a precision (the
// caller knows the written types differ): a value may have too many digits
// for it (numeric to numeric(3, 2): osparc's). Without a precision the scale
// is not rendered either: NUMERIC(scale=2) is plain NUMERIC.
func numericChanges(from, to *pgType, written *migration.TypeRef) bool {
	if from.cast != "numeric" || to.cast != "numeric" || written == nil || written.Expr == nil {
		return false
	}
	e := written.Expr
	return len(e.Args) > 0 || e.Keyword("precision") != nil
}

// sameType reports whether the add restates the dropped column's type
// expression as it was written.
func sameType(d, a columnChange) bool {
	return a.added != nil && d.typ != nil && d.typ.Expr != nil && a.typ != nil && a.typ.Expr != nil &&
		strings.Join(strings.Fields(d.typ.Expr.Text), "") == strings.Join(strings.Fields(a.typ.Expr.Text), "")
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func renameMessage(p *Pass, d, a columnChange, downgrade bool) Message {
	lost := fmt.Sprintf("every value of %q is lost and %q starts %s, without any error", d.column, a.column, startsWith(p, a))
	if addFailsOnRows(p, a) {
		lost = fmt.Sprintf("the add of %q fails on a table with rows (NOT NULL without a server default); given a server "+
			"default, it would pass and every value of %q would be lost without an error", a.column, d.column)
	}
	return Message{Text: fmt.Sprintf("drop_column(%q, %q) + add_column of %q looks like a rename%s", d.table, d.column, a.column, inDowngrade(downgrade)),
		Help: fmt.Sprintf("A rename done as drop + add: %s. Rename in place: %s%s", lost, renameInPlace(p, d, a), keptUnique(p, d, a, downgrade))}
}

// keptUnique warns that a rename in place keeps what made the dropped column
// unique when the drop runs, which the drop removed on PostgreSQL and the
// add does not make again by the end of the function (mistral's unique key
// over two columns, judged).
func keptUnique(p *Pass, d, a columnChange, downgrade bool) string {
	if !p.IsPostgres() {
		return ""
	}
	_, after := p.Bounds(downgrade)
	visit := p.Upgrade
	if downgrade {
		visit = p.Downgrade
	}
	var t *history.Table // as the drop finds it: the function may drop the key first (orchest's downgrade, judged)
	visit(func(o *migration.Op, before *history.State) {
		if o == d.op {
			t = before.Table(d.key)
		}
	})
	if t == nil || t.Opaque {
		return ""
	}
	if c := t.Column(d.column); c == nil || c.PrimaryKey {
		return "" // a key kept by the rename is what the add was meant to be (orchest's)
	}
	holds := func(set []string, column string) bool {
		return slices.ContainsFunc(set, func(c string) bool { return strings.EqualFold(c, column) })
	}
	i := slices.IndexFunc(t.Uniques, func(set []string) bool { return holds(set, d.column) })
	if i < 0 {
		return ""
	}
	if end := after.Table(d.key); end != nil && slices.ContainsFunc(end.Uniques, func(set []string) bool { return holds(set, a.column) }) {
		return "" // made unique again
	}
	return fmt.Sprintf(". The drop also removed the uniqueness of (%s), which the rename keeps: drop that constraint or index "+
		"too if %q is not meant to be unique", strings.Join(t.Uniques[i], ", "), a.column)
}

// startsWith says what the rows hold in an added column: NULL, its server
// default, or on MySQL the type's implicit default for a NOT NULL column.
func startsWith(p *Pass, a columnChange) string {
	if a.added == nil {
		return "empty"
	}
	if a.added.ServerDefault != nil {
		return "with its server default on every row"
	}
	nullable, _ := a.added.Nullable()
	switch {
	case nullable || p.Dialect != "mysql":
		return "empty"
	case slices.Contains([]string{"date", "datetime", "time"}, typeFamily(a.typ)):
		// hashview's DATETIME: MariaDB wrote zero dates, MySQL 8 refused them (judged)
		return "with a zero date on every row (where sql_mode has NO_ZERO_DATE, as MySQL 5.7 and later have by default, " +
			"the add fails instead)"
	}
	return "with the type's implicit default (0, '') on every row"
}

// addFailsOnRows reports whether the add_column fails where the table has
// rows: a NOT NULL column without a server default (see add-required-column),
// except on MySQL, which fills the rows with the type's implicit default.
func addFailsOnRows(p *Pass, a columnChange) bool {
	return p.Dialect != "mysql" && a.added != nil && requiredWithoutDefault(a.added)
}

// restatedColumn is what an alter_column must add on MySQL, which restates the
// whole column (see mysql-alter-column-incomplete): the dropped column's type
// and nullability; "" elsewhere.
func restatedColumn(p *Pass, d columnChange) string {
	if p.Dialect != "mysql" {
		return ""
	}
	typ := "<its type>"
	if d.typ != nil && d.typ.Expr != nil {
		typ = brief.Code(d.typ.Expr.Text, brief.Snippet)
	}
	nullable := "<as it is>"
	if d.wasKnown {
		nullable = pyBool(d.wasNullable) // cyborg's, judged
	}
	return fmt.Sprintf(", existing_type=%s, existing_nullable=%s", typ, nullable)
}

// restatedNote says why a call has the arguments restatedColumn gave it; it
// goes after the call, which stays code that runs when pasted (judged).
func restatedNote(restated string) string {
	if restated == "" {
		return ""
	}
	return " (MySQL restates the whole column)"
}
