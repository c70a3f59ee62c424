package review

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Operations on tables and columns: create/drop/rename table, add/drop column,
// table comments and bulk inserts.

// tableArg returns the literal table of the operation, or marks the facts unknown.
func (c *opCtx) tableArg(f *facts) (string, bool) {
	t, ok := c.o.Table()
	if !ok {
		f.unknownBecause("the table name is not a literal")
		return "", false
	}
	return c.key(t), true
}

func (c *opCtx) createTable(f *facts) {
	ct := c.m.CreateTable(c.o)
	if ct == nil {
		f.unknownBecause("the table name is not a literal")
		return
	}
	key := c.key(ct.Name)
	made := map[string]bool{}
	for _, col := range ct.Columns {
		en := effect.EnumOf(col.Type)
		if en == nil || !en.CreateType || en.Name == "" || made[en.Name] {
			continue
		}
		made[en.Name] = true
		f.sql = append(f.sql, createTypeSQL(en))
		f.say("creates enum type %s", en.Name)
		switch e := c.s.Enum(en.Name); {
		case e == nil || e.Uncertain || (e.CreatedBy == c.rev && c.upgrade):
		case c.upgrade:
			f.note("Enum type %s already exists at this point (created by %s): applied to a database that has it, CREATE TYPE fails with: type %q already exists (a single run from an empty database creates it once).", en.Name, e.CreatedBy, en.Name)
		default:
			f.note("Enum type %s still exists when the downgrade runs (created by %s): CREATE TYPE fails with: type %q already exists.", en.Name, e.CreatedBy, en.Name)
		}
	}
	var defs, indexes []string
	pk := primaryKey(ct)
	for _, col := range ct.Columns {
		defs = append(defs, columnSQL(col, len(pk) == 1 && pk[0] == col.Name && serial(col)))
		if col.Expr == nil {
			continue
		}
		if u, _ := col.Expr.Keyword("unique").BoolValue(); u {
			defs = append(defs, "UNIQUE ("+ident(col.Name)+")")
		}
		if ix, _ := col.Expr.Keyword("index").BoolValue(); ix {
			indexes = append(indexes, fmt.Sprintf("CREATE INDEX %s ON %s (%s)", ident("ix_"+ct.Name+"_"+col.Name), qualified(key), ident(col.Name)))
		}
	}
	hasPK := false
	for _, k := range ct.Constraints {
		switch k.Kind {
		case "primary":
			hasPK = true
			defs = append(defs, constraintName(k.Name)+"PRIMARY KEY ("+idents(k.Columns)+")")
		case "unique":
			defs = append(defs, constraintName(k.Name)+"UNIQUE ("+idents(k.Columns)+")")
		case "check":
			cond, _ := sqlExpr(argAt(k.Expr, 0))
			defs = append(defs, constraintName(k.Name)+"CHECK ("+cond+")")
		}
	}
	if !hasPK && len(pk) > 0 {
		defs = append(defs, "PRIMARY KEY ("+idents(pk)+")")
	}
	f.lock(key, AccessExclusive)
	for _, fk := range ct.ForeignKeys() {
		ref := fk.RefTable
		if ref == "" {
			defs = append(defs, constraintName(fk.Name)+"FOREIGN KEY("+idents(fk.Columns)+") REFERENCES "+placeholder(fk.Expr))
			f.note("A foreign key's target is not a literal: the table it references is locked too (SHARE ROW EXCLUSIVE) but cannot be named.")
			continue
		}
		defs = append(defs, constraintName(fk.Name)+fkSQL(fk.Columns, ref, fk.RefColumns, fk.Expr))
		if ref != key {
			f.lock(ref, ShareRowExclusive)
			f.note("The foreign key to %s takes SHARE ROW EXCLUSIVE on %s: writes to it wait until the migration commits.", ref, ref)
		}
	}
	f.sql = append(f.sql, fmt.Sprintf("CREATE TABLE %s (%s)", qualified(key), strings.Join(defs, ", ")))
	f.sql = append(f.sql, indexes...)
	f.summary = append([]string{fmt.Sprintf("creates table %s (%s)", key, brief.Count(len(ct.Columns), "column", "columns"))}, f.summary...)
	f.added = append(f.added, "table "+key)
	f.downgradeLoss = "every row written to " + key + " after the upgrade"
	c.created[key] = true
}

// primaryKey lists the primary key columns of a create_table.
func primaryKey(ct *migration.Table) []string {
	var out []string
	for _, col := range ct.Columns {
		if col.PrimaryKey {
			out = append(out, col.Name)
		}
	}
	return out
}

// serial reports whether SQLAlchemy renders a single-column integer primary key
// as SERIAL (autoincrement not turned off, no default, no foreign key).
func serial(col *migration.Column) bool {
	typ, _ := typeSQL(col.Type)
	if typ != "INTEGER" && typ != "BIGINT" && typ != "SMALLINT" {
		return false
	}
	auto, known := col.Expr.Keyword("autoincrement").BoolValue()
	if col.Expr.Keyword("autoincrement") != nil && (!known || !auto) {
		return false
	}
	return col.ServerDefault == nil && len(col.ForeignKeys) == 0 && !hasCall(col.Expr, "Identity")
}

func createTypeSQL(en *migration.Enum) string {
	values := "<values not literal>"
	if en.ValuesKnown {
		quoted := make([]string, len(en.Values))
		for i, v := range en.Values {
			quoted[i] = literal(v)
		}
		values = strings.Join(quoted, ", ")
	}
	return fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", ident(en.Name), values)
}

func (c *opCtx) dropTable(f *facts) {
	key, ok := c.tableArg(f)
	if !ok {
		return
	}
	f.sql = append(f.sql, "DROP TABLE "+qualified(key))
	f.say("drops table %s", key)
	f.lock(key, AccessExclusive)
	if t := c.s.Table(key); t != nil {
		for _, fk := range t.FKs() {
			if fk.RefTable != "" && fk.RefTable != key {
				f.lock(fk.RefTable, AccessExclusive)
				f.note("Dropping the table drops its foreign key %s, which takes ACCESS EXCLUSIVE on the referenced table %s too.", fk.Name, fk.RefTable)
			}
		}
	}
	if refs := c.s.ReferencedBy(key); len(refs) > 0 {
		f.note("Foreign keys of %s still reference %s at this point: DROP TABLE fails with: cannot drop table %s because other objects depend on it.", strings.Join(refs, ", "), key, key)
	}
	c.viewsOn(f, key, false)
	f.dataLoss = append(f.dataLoss, "every row of "+key)
	f.removed = append(f.removed, "table "+key)
	f.notRestored = "the table comes back empty: the rows the upgrade dropped are not restored"
}

func (c *opCtx) renameTable(f *facts) {
	key, ok := c.tableArg(f)
	to, known := c.str("new_table_name")
	if !ok || !known {
		f.unknownBecause("the table names are not literals")
		return
	}
	f.sql = append(f.sql, fmt.Sprintf("ALTER TABLE %s RENAME TO %s", qualified(key), ident(to)))
	f.say("renames table %s to %s", key, to)
	f.lock(key, AccessExclusive)
	f.note("Instant (catalog only), but running code that uses the old name fails as soon as it commits.")
	f.removed = append(f.removed, fmt.Sprintf("table %s (renamed to %s)", key, to))
	f.online = append(f.online, "rename in expand/contract steps: create the new name (or a view with the old name), move the code to it, then drop the old one")
}

func (c *opCtx) addColumn(f *facts) {
	key, ok := c.tableArg(f)
	if !ok {
		return
	}
	col := c.m.Column(c.o, c.o.Arg("column"))
	if col == nil || !col.NameKnown {
		f.unknownBecause("the column is not a literal sa.Column(...)")
		return
	}
	name := key + "." + col.Name
	f.sql = append(f.sql, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s", qualified(key), columnSQL(col, false)))
	f.say("adds column %s", name)
	f.lock(key, AccessExclusive)
	f.added = append(f.added, "column "+name)
	f.downgradeLoss = "the values written to " + name + " after the upgrade"
	if en := effect.EnumOf(col.Type); en != nil && en.Name != "" && !c.s.Unknown && c.s.Enum(en.Name) == nil {
		f.note("add_column never creates enum type %s, and nothing has created it at this point: the ALTER fails with: type %q does not exist.", en.Name, en.Name)
	}
	nullable, known := col.Nullable()
	if known && !nullable && col.ServerDefault == nil && c.existing(key) {
		f.note("NOT NULL without a server_default: fails with: column %q of relation %q contains null values as soon as %s has rows; running code that inserts without the column fails too.", col.Name, key, key)
		f.constrained = append(f.constrained, "NOT NULL on "+name+" without a default")
	}
	c.columnRewrite(f, col)
	for _, fk := range col.ForeignKeys {
		if fk.RefTable == "" {
			f.unknownBecause("the foreign key's target is not a literal")
			continue
		}
		f.sql = append(f.sql, fmt.Sprintf("ALTER TABLE %s ADD %s%s", qualified(key), constraintName(fk.Name), fkSQL(fk.Columns, fk.RefTable, fk.RefColumns, fk.Expr)))
		f.lock(key, ShareRowExclusive)
		f.lock(fk.RefTable, ShareRowExclusive)
		f.scan = Yes
		f.note("The foreign key takes SHARE ROW EXCLUSIVE on %s too and checks the existing rows of %s.", fk.RefTable, key)
	}
}

// volatileFunctions are built-in functions whose value changes per row; a
// column default calling one is computed for every existing row.
// columnRewrite decides whether adding the column rewrites the table.
func (c *opCtx) columnRewrite(f *facts, col *migration.Column) {
	if c.o.Name == "add_column" && col.Expr != nil {
		if hasCall(col.Expr, "Identity") {
			f.rewrite = Yes
			f.note("An identity column is filled for every existing row: the table and its indexes are rewritten under ACCESS EXCLUSIVE.")
			return
		}
		if gen := callArg(col.Expr, "Computed"); gen != nil {
			if persisted, known := gen.Keyword("persisted").BoolValue(); known && !persisted {
				f.note("A virtual generated column (persisted=False) needs PostgreSQL 18; it is computed on read, no rewrite.")
				return
			}
			f.rewrite = Yes
			f.note("A stored generated column is computed for every existing row: the table and its indexes are rewritten under ACCESS EXCLUSIVE.")
			return
		}
	}
	if col.ServerDefault == nil {
		return
	}
	expr, _ := c.m.Resolve(c.o, col.ServerDefault)
	fn, known := migration.VolatileDefault(expr)
	switch {
	case fn != "":
		f.rewrite = Yes
		f.note("The default %s is volatile: PostgreSQL computes it for every existing row, so the table and its indexes are rewritten under ACCESS EXCLUSIVE.", fn)
		f.online = append(f.online, "add the column without a default, set the default with alter_column (new rows only), then backfill the existing rows in batches")
	case !known:
		f.rewrite = Unknown
		f.note("The default's SQL is not visible here: a volatile default rewrites the table, a constant one does not (PostgreSQL 11+).")
	case c.pg < 11:
		f.rewrite = Yes
		f.note("PostgreSQL %d: before 11 any DEFAULT on ADD COLUMN rewrites the table and its indexes under ACCESS EXCLUSIVE.", c.pg)
		f.online = append(f.online, "add the column without a default, set the default with alter_column (new rows only), then backfill the existing rows in batches")
	default:
		f.note("Since PostgreSQL 11 a non-volatile default is stored in the catalog: no rewrite.")
	}
}

func (c *opCtx) dropColumn(f *facts) {
	key, ok := c.tableArg(f)
	col, known := c.str("column_name")
	if !ok || !known {
		f.unknownBecause("the column name is not a literal")
		return
	}
	name := key + "." + col
	f.sql = append(f.sql, fmt.Sprintf("ALTER TABLE %s DROP COLUMN %s", qualified(key), ident(col)))
	f.say("drops column %s", name)
	f.lock(key, AccessExclusive)
	if t := c.s.Table(key); t != nil {
		for _, fk := range t.FKs() {
			for _, fc := range fk.Columns {
				if fc == col && fk.RefTable != "" && fk.RefTable != key {
					f.lock(fk.RefTable, AccessExclusive)
					f.note("Its foreign key %s goes with it, which takes ACCESS EXCLUSIVE on %s too.", fk.Name, fk.RefTable)
				}
			}
		}
	}
	f.note("Instant (the space is reclaimed later); indexes and constraints on the column are dropped with it, and running code that reads the column fails.")
	f.dataLoss = append(f.dataLoss, "every value of "+name)
	f.removed = append(f.removed, "column "+name)
	f.notRestored = "the column comes back empty: the values the upgrade dropped are not restored"
}

func (c *opCtx) tableComment(f *facts) {
	key, ok := c.tableArg(f)
	if !ok {
		return
	}
	text := "NULL"
	if c.o.Name == "create_table_comment" {
		s, known := c.str("comment")
		if !known {
			f.unknownBecause("the comment is not a literal")
			return
		}
		text = literal(s)
	}
	f.sql = append(f.sql, fmt.Sprintf("COMMENT ON TABLE %s IS %s", qualified(key), text))
	f.say("sets the comment of table %s", key)
	f.lock(key, ShareUpdateExclusive)
}

func (c *opCtx) bulkInsert(f *facts) {
	t := c.o.Value("table")
	name, ok := argAt(t, 0).StringValue()
	if t == nil || t.Kind != pysyntax.Call || !ok {
		f.unknownBecause("the table of bulk_insert is not a literal sa.table(...)")
		return
	}
	rows := "rows"
	if r := c.o.Value("rows"); r != nil && r.Kind == pysyntax.List {
		rows = brief.Count(len(r.Args), "row", "rows")
	}
	f.say("inserts %s into %s", rows, name)
	f.lock(name, RowExclusive)
	f.downgradeLoss = "the inserted rows"
}

// viewsOn notes the views that read a table being dropped: the DROP fails
// unless CASCADE, which drops them too.
func (c *opCtx) viewsOn(f *facts, key string, cascade bool) {
	views := c.s.ViewsOn(key)
	switch {
	case len(views) == 0:
	case cascade:
		f.note("CASCADE drops the views reading %s too: %s.", key, strings.Join(views, ", "))
	default:
		f.note("Views still read %s at this point (%s): DROP TABLE fails with: cannot drop table %s because other objects depend on it.", key, strings.Join(views, ", "), key)
	}
}
