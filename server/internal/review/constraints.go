package review

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Indexes and constraints: what building, validating and dropping them locks
// and reads (migration-linters.md §3).

func (c *opCtx) createIndex(f *facts) {
	key, ok := c.tableArg(f)
	name, named := c.str("index_name")
	concurrent, known := c.flag("postgresql_concurrently")
	if !ok || !named || !known {
		f.unknownBecause("the index name, table or postgresql_concurrently is not a literal")
		return
	}
	unique, _ := c.o.Arg("unique").BoolValue()
	stmt := "CREATE "
	if unique {
		stmt += "UNIQUE "
	}
	stmt += "INDEX "
	if concurrent {
		stmt += "CONCURRENTLY "
	}
	if ine, _ := c.o.Arg("if_not_exists").BoolValue(); ine {
		stmt += "IF NOT EXISTS "
	}
	stmt += ident(name) + " ON " + qualified(key)
	if m, ok := c.o.Extra["postgresql_using"].StringValue(); ok {
		stmt += " USING " + m
	}
	stmt += " (" + indexColumns(c.o.Value("columns")) + ")"
	if w := c.o.Extra["postgresql_where"]; w != nil {
		cond, _ := sqlExpr(w)
		stmt += " WHERE " + cond
	}
	f.sql = append(f.sql, stmt)
	f.say("creates index %s on %s", name, key)
	c.indexBuild(f, key, concurrent, unique)
}

// indexBuild: CREATE INDEX takes SHARE (writes wait), CONCURRENTLY takes SHARE
// UPDATE EXCLUSIVE but cannot run in a transaction block.
func (c *opCtx) indexBuild(f *facts, key string, concurrent, unique bool) {
	if unique {
		f.note("A unique index fails to build if %s holds duplicates; afterwards running code inserting a duplicate fails.", key)
		f.constrained = append(f.constrained, "a unique index on "+key)
	}
	if !concurrent {
		f.lock(key, Share)
		if c.existing(key) {
			f.scan = Yes
			f.note("The index is built from every row of %s while writes to it wait (reads continue).", key)
			f.online = append(f.online, "build the index with postgresql_concurrently=True inside op.get_context().autocommit_block(): SHARE UPDATE EXCLUSIVE lets writes continue")
		}
		return
	}
	f.lock(key, ShareUpdateExclusive)
	f.scan = Yes
	f.note("CONCURRENTLY: reads and writes continue; the build scans %s twice and waits for running transactions. If it fails it leaves an INVALID index to drop before retrying.", key)
	if !c.o.OutsideTransaction() {
		f.note("CONCURRENTLY cannot run inside a transaction block and this operation is not in autocommit_block(): it fails with: CREATE INDEX CONCURRENTLY cannot run inside a transaction block.")
	}
	if c.pg == 14 {
		f.note("PostgreSQL 14.0 to 14.3 could corrupt indexes built CONCURRENTLY: make sure the server runs 14.4 or later.")
	}
}

// indexColumns renders the columns of create_index: names, or sa.text() expressions.
func indexColumns(e *pysyntax.Expr) string {
	if e == nil {
		return "<?>"
	}
	items := []*pysyntax.Expr{e}
	if e.Kind == pysyntax.List || e.Kind == pysyntax.Tuple {
		items = e.Args
	}
	out := make([]string, len(items))
	for i, it := range items {
		if s, ok := it.StringValue(); ok {
			out[i] = ident(s)
		} else {
			out[i], _ = sqlExpr(it)
		}
	}
	return strings.Join(out, ", ")
}

func (c *opCtx) dropIndex(f *facts) {
	name, named := c.str("index_name")
	concurrent, known := c.flag("postgresql_concurrently")
	if !named || !known {
		f.unknownBecause("the index name or postgresql_concurrently is not a literal")
		return
	}
	key := ""
	if t, ok := c.o.Table(); ok {
		key = c.key(t)
	}
	stmt := "DROP INDEX "
	if concurrent {
		stmt += "CONCURRENTLY "
	}
	f.sql = append(f.sql, stmt+ident(name))
	f.say("drops index %s", name)
	c.indexDrop(f, key, concurrent)
}

func (c *opCtx) indexDrop(f *facts, key string, concurrent bool) {
	on := key
	if on == "" {
		on = "its table"
		f.note("table_name is not given: the table the index belongs to is locked but cannot be named.")
	}
	if !concurrent {
		f.lock(key, AccessExclusive)
		if key == "" || c.existing(key) {
			f.online = append(f.online, "drop the index with postgresql_concurrently=True inside op.get_context().autocommit_block(): SHARE UPDATE EXCLUSIVE lets reads and writes continue")
		}
		return
	}
	f.lock(key, ShareUpdateExclusive)
	f.note("DROP INDEX CONCURRENTLY lets reads and writes of %s continue; it cannot drop an index that backs a constraint.", on)
	if !c.o.OutsideTransaction() {
		f.note("CONCURRENTLY cannot run inside a transaction block and this operation is not in autocommit_block(): it fails with: DROP INDEX CONCURRENTLY cannot run inside a transaction block.")
	}
}

func (c *opCtx) createForeignKey(f *facts) {
	key, ok := c.tableArg(f)
	ref, refOK := c.str("referent_table")
	local, localOK := c.o.Value("local_cols").Strings()
	remote, remoteOK := c.o.Value("remote_cols").Strings()
	notValid, known := c.flag("postgresql_not_valid")
	if !ok || !refOK || !localOK || !remoteOK || !known {
		f.unknownBecause("the tables, columns or postgresql_not_valid are not literals")
		return
	}
	if schema, ok := c.o.ArgString("referent_schema"); ok && schema != "" {
		ref = schema + "." + ref
	}
	name, _ := c.str("constraint_name")
	stmt := fmt.Sprintf("ALTER TABLE %s ADD %s%s", qualified(key), constraintName(name), fkSQL(local, ref, remote, c.o.Call))
	if notValid {
		stmt += " NOT VALID"
	}
	f.sql = append(f.sql, stmt)
	f.say("adds a foreign key from %s (%s) to %s", key, strings.Join(local, ", "), ref)
	if name == "" {
		f.note("The constraint has no name: PostgreSQL calls it %s_%s_fkey.", bare(key), strings.Join(local, "_"))
	}
	f.lock(key, ShareRowExclusive)
	f.lock(ref, ShareRowExclusive)
	f.constrained = append(f.constrained, "a foreign key on "+key)
	switch {
	case notValid:
		f.note("NOT VALID: existing rows are not checked (no scan); new rows are. VALIDATE CONSTRAINT later takes only SHARE UPDATE EXCLUSIVE.")
	case c.existing(key):
		f.scan = Yes
		f.note("Every existing row of %s is checked while writes to both %s and %s wait.", key, key, ref)
		f.online = append(f.online, "add the foreign key with postgresql_not_valid=True, then VALIDATE CONSTRAINT in a later revision (SHARE UPDATE EXCLUSIVE: reads and writes continue)")
	}
}

// excludeBody renders EXCLUDE USING method (element WITH operator, ...)
// [WHERE (condition)] as SQLAlchemy's ExcludeConstraint does; what is not a
// literal is a placeholder.
func (c *opCtx) excludeBody() string {
	var elements []string
	for _, e := range c.o.Varargs {
		if e.Kind != pysyntax.Tuple || len(e.Args) != 2 {
			elements = append(elements, placeholder(e)+" WITH "+placeholder(nil))
			continue
		}
		element := placeholder(e.Args[0])
		if name, ok := e.Args[0].StringValue(); ok {
			element = ident(name)
		}
		operator, ok := e.Args[1].StringValue()
		if !ok {
			operator = placeholder(e.Args[1])
		}
		elements = append(elements, element+" WITH "+operator)
	}
	using := "gist" // ExcludeConstraint's default
	if e := c.o.Value("using"); e != nil {
		var ok bool
		if using, ok = e.StringValue(); !ok {
			using = placeholder(e)
		}
	}
	body := "EXCLUDE USING " + using + " (" + strings.Join(elements, ", ") + ")"
	if where := c.o.Value("where"); where != nil {
		cond, ok := migration.ConditionSQL(where)
		if !ok {
			cond = placeholder(where)
		}
		body += " WHERE (" + cond + ")"
	}
	return body
}

// createConstraint: CHECK, UNIQUE, PRIMARY KEY and EXCLUDE take ACCESS
// EXCLUSIVE and read (or index) every row.
func (c *opCtx) createConstraint(f *facts) {
	key, ok := c.tableArg(f)
	notValid, known := c.flag("postgresql_not_valid")
	if !ok || !known {
		f.unknownBecause("the table or postgresql_not_valid is not a literal")
		return
	}
	name, _ := c.str("constraint_name")
	kind := map[string]string{"create_check_constraint": "CHECK", "create_unique_constraint": "UNIQUE",
		"create_primary_key": "PRIMARY KEY", "create_exclude_constraint": "EXCLUDE"}[c.o.Name]
	var body string
	switch kind {
	case "CHECK":
		cond, ok := c.o.CheckCondition()
		if !ok {
			cond = placeholder(c.o.Value("condition"))
		}
		body = "CHECK (" + cond + ")"
	case "EXCLUDE":
		body = c.excludeBody()
	default:
		cols, ok := c.o.Value("columns").Strings()
		if !ok {
			f.unknownBecause("the columns are not literals")
			return
		}
		body = kind + " (" + idents(cols) + ")"
	}
	stmt := fmt.Sprintf("ALTER TABLE %s ADD %s%s", qualified(key), constraintName(name), body)
	if notValid && kind == "CHECK" {
		stmt += " NOT VALID"
	}
	f.sql = append(f.sql, stmt)
	f.say("adds a %s constraint to %s", kind, key)
	f.lock(key, AccessExclusive)
	f.constrained = append(f.constrained, "a "+kind+" constraint on "+key)
	if !c.existing(key) {
		return
	}
	switch {
	case kind == "CHECK" && notValid:
		f.note("NOT VALID: existing rows are not checked (no scan); new rows are. VALIDATE CONSTRAINT later takes only SHARE UPDATE EXCLUSIVE.")
	case kind == "CHECK":
		f.scan = Yes
		f.note("Every row of %s is checked under ACCESS EXCLUSIVE (no reads or writes meanwhile).", key)
		f.online = append(f.online, "add the check with postgresql_not_valid=True, then VALIDATE CONSTRAINT in a later revision (SHARE UPDATE EXCLUSIVE: reads and writes continue)")
	default:
		f.scan = Yes
		f.note("The constraint builds an index from every row of %s under ACCESS EXCLUSIVE (no reads or writes meanwhile).", key)
		if kind != "EXCLUDE" {
			f.online = append(f.online, fmt.Sprintf("build a unique index with postgresql_concurrently=True in autocommit_block(), then ADD CONSTRAINT ... %s USING INDEX (a brief ACCESS EXCLUSIVE)", kind))
		}
		if kind == "PRIMARY KEY" {
			f.note("A primary key makes its columns NOT NULL: nullable columns are scanned for NULLs as well.")
		}
	}
}

func (c *opCtx) dropConstraint(f *facts) {
	key, ok := c.tableArg(f)
	if !ok {
		return
	}
	typ, _ := c.o.ArgString("type_")
	name, named := c.str("constraint_name")
	if !named {
		if c.o.Value("constraint_name").IsNone() {
			f.say("drops an unnamed constraint of %s", key)
			f.note("Alembic cannot emit DROP CONSTRAINT for a constraint without a name: it raises CompileError before sending anything, and the migration stops here.")
			return
		}
		f.unknownBecause("the constraint name is not a literal")
		return
	}
	f.lock(key, AccessExclusive)
	f.sql = append(f.sql, fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT %s", qualified(key), ident(name)))
	f.say("drops constraint %s of %s", name, key)
	ref := ""
	if t := c.s.Table(key); t != nil {
		for _, fk := range t.FKs() {
			if fk.Name == name {
				ref = fk.RefTable
			}
		}
	}
	switch {
	case ref != "" && ref != key:
		f.lock(ref, AccessExclusive)
		f.note("Dropping a foreign key takes ACCESS EXCLUSIVE on the referenced table %s too.", ref)
	case typ == "foreignkey":
		f.note("Dropping a foreign key takes ACCESS EXCLUSIVE on the referenced table too (not known here).")
	case typ == "unique" || typ == "primary":
		f.note("The index behind the constraint is dropped with it.")
	}
}
