// Package effect translates each operation of a migration, op call or parsed
// SQL statement alike, into what it does to the database: the objects it
// creates, drops, renames or alters, the rows it writes, and where it may do
// anything. The schema replay (history), the rules and review read these
// effects, so that they agree on what one operation does.
package effect

import (
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

// Change is what an effect does to its object.
type Change int

const (
	Create Change = iota + 1
	Drop
	Rename
	Alter
)

// Object is the kind of object an effect changes.
type Object int

const (
	Table Object = iota + 1
	Column
	Index
	Constraint
	Type // an enum (or other user-defined) type
	// Value is an enum type's value (Create: ADD VALUE; Rename: RENAME VALUE).
	Value
	Sequence
	View
	// Namespace is a schema (Name; PostgreSQL's pg_namespace): a Drop with
	// Cascade takes its tables along.
	Namespace
	// Comment is a table's comment (Name "") or a column's (Create sets it,
	// Drop removes it).
	Comment
	// Rows are a table's rows: Create inserts, Alter updates, Drop deletes.
	Rows
	// Transaction is a transaction control statement (Name: COMMIT, BEGIN...).
	Transaction
	// Anything: the operation may change anything (SQL that is not known or not
	// understood, a call that cannot be followed).
	Anything
)

// Effect is one change an operation makes.
type Effect struct {
	Change Change
	Object Object
	// Schema and Table locate the object (a table, or the table of a column,
	// index, constraint or rows); SQL names carry no schema.
	Schema, Table string
	// Name is the column, index, constraint, type, sequence or view; for a
	// Value, the value (Table is empty, Type the type). For a table, Name is
	// empty. An index or constraint has its name in the database (the naming
	// convention applied), "" when that is not known.
	Name string
	// Type is the enum type of a Value.
	Type string
	// Values are the values of an enum type an op call creates (those of
	// CREATE TYPE in SQL are not followed).
	Values []string
	// To is a Rename's new name (for a table, without its schema).
	To string
	// Aspect is what an Alter of a Column changes: "type", "nullable", "default".
	Aspect string
	// Unnamed: no name is written for the index or constraint (None, or SQL
	// without one): the naming convention's or PostgreSQL's applies.
	Unnamed bool
	// Unreadable: the object's name (or the new name of a rename) is not a
	// literal: it cannot be told which object this is.
	Unreadable bool
	// Final is set on an index or constraint name the naming convention does
	// not convert again when written op.f(...) (written so, or the convention's
	// own); Written is the name as written when the convention converts it to Name.
	Final   bool
	Written string
	// ConstraintType is drop_constraint's type_, or the type_ that drops a
	// constraint created ("foreignkey", "unique", "check", "primary").
	ConstraintType string
	// Columns of an index or constraint; ExprColumns are the identifiers its
	// expressions or check condition use: dropping one of them drops it.
	Columns, ExprColumns []string
	// Parent is the partitioned table of a table created PARTITION OF.
	Parent string
	// Reads are the tables and views a view reads, and the table a sequence
	// is OWNED BY.
	Reads []string
	// Cascade: DROP ... CASCADE, what depends on the object goes with it.
	Cascade bool
	// Implicit: made along with another object (an enum type create_table
	// creates), only when it does not exist yet.
	Implicit bool
	// Temporary: CREATE TEMPORARY TABLE, gone at the end of the session.
	Temporary bool
	// IfMissing: CREATE ... IF NOT EXISTS, .create(checkfirst=True).
	IfMissing bool
	// IfExists: a drop that does nothing when the object is gone (DROP INDEX
	// IF EXISTS, DROP CONSTRAINT IF EXISTS, if_exists=True).
	IfExists bool
	// Unique: an index that keeps its columns unique (create_index(...,
	// unique=True), CREATE UNIQUE INDEX).
	Unique bool
	// Where is set on an Alter or Drop of Rows limited by a WHERE clause.
	Where bool
	// Op is the operation; Statement the SQL statement when the effect comes
	// from one (nil for op calls), Action its ALTER TABLE subcommand.
	Op        *migration.Op
	Statement *migration.Statement
	Action    *migration.TableAction
	// TableDef and ColumnDef are the table create_table makes and the column
	// add_column adds (op calls).
	TableDef  *migration.Table
	ColumnDef *migration.Column
}

// Key is the table's key: "schema.table" when a schema other than public is given.
func (e Effect) Key() string { return key(e.Schema, e.Table) }

// ToKey is the key of a renamed table's new name.
func (e Effect) ToKey() string { return key(e.Schema, e.To) }

// key keys a table in public, the schema unqualified names resolve to, by
// its name alone: a table created with schema="public" and changed without
// a schema is one table (deepchecks' invitations, judged).
func key(schema, table string) string {
	if schema != "" && !strings.EqualFold(schema, "public") {
		return schema + "." + table
	}
	return table
}

// BySQL reports whether the effect comes from a SQL statement.
func (e Effect) BySQL() bool { return e.Statement != nil }

// Of lists the effects of one operation in the order they happen. names is
// how the project names constraints and indexes.
func Of(names naming.Namer, m *migration.Migration, o *migration.Op) []Effect {
	b := builder{names: names, m: m, o: o}
	b.call()
	return b.out
}

type builder struct {
	names naming.Namer
	m     *migration.Migration
	o     *migration.Op
	out   []Effect
}

func (b *builder) add(e Effect) { e.Op = b.o; b.out = append(b.out, e) }

// table is an effect on the operation's table.
func (b *builder) table(c Change, obj Object) Effect {
	t, ok := b.o.Table()
	return Effect{Change: c, Object: obj, Schema: tableSchema(b.o), Table: t, Unreadable: !ok}
}

func (b *builder) call() {
	o, m := b.o, b.m
	switch o.Name {
	case "create_table":
		e := b.table(Create, Table)
		e.TableDef = m.CreateTable(o)
		if e.TableDef == nil {
			if e.Unreadable && !makesEnumType(m, o) {
				// a table whose name is not known (fief's f"{prefix}audit_logs",
				// gnocchi's "%s_history" % table): no table the state knows changes
				b.add(e)
				return
			}
			b.add(Effect{Change: Alter, Object: Anything})
			return
		}
		made := map[string]bool{}
		for _, c := range e.TableDef.Columns {
			if en := EnumOf(c.Type); en != nil && en.CreateType && en.Name != "" && !made[en.Name] {
				made[en.Name] = true
				b.add(Effect{Change: Create, Object: Type, Name: en.Name, Values: en.Values, Implicit: true})
			}
		}
		b.add(e)
	case "drop_table", "rename_table":
		e := b.table(Drop, Table)
		if o.Name == "rename_table" {
			e = b.tableNamed(Rename, Table, "new_table_name")
		}
		if e.Unreadable {
			// a table not known by name goes, or one goes under a name not
			// known: it may be any table the state holds, or be found under
			// any name (sbc-pay renames those an inspector lists, and its later
			// revisions name them as renamed)
			b.add(Effect{Change: Alter, Object: Anything})
			return
		}
		b.add(e)
	case "add_column":
		e := b.table(Create, Column)
		e.ColumnDef = m.Column(o, o.Arg("column"))
		if e.ColumnDef == nil || !e.ColumnDef.NameKnown {
			e.Unreadable = true
		} else {
			e.Name = e.ColumnDef.Name
		}
		b.add(e)
	case "drop_column":
		b.add(b.tableNamed(Drop, Column, "column_name"))
	case "alter_column":
		b.alterColumn()
	case "create_index":
		e := b.named(Create, Index)
		e.Columns, e.ExprColumns = IndexColumns(o.Value("columns"))
		e.Unique, _ = o.Arg("unique").BoolValue()
		b.add(e)
	case "drop_index":
		e := b.named(Drop, Index)
		e.IfExists, _ = o.Arg("if_exists").BoolValue()
		b.add(e)
	case "create_foreign_key", "create_unique_constraint", "create_check_constraint", "create_primary_key", "create_exclude_constraint":
		e := b.named(Create, Constraint)
		e.ConstraintType = ConstraintType(o)
		cols := "columns"
		if o.Name == "create_foreign_key" {
			cols = "local_cols"
		}
		e.Columns, _ = o.Value(cols).Strings()
		if o.Name == "create_check_constraint" {
			cond, _ := m.Resolve(o, o.Arg("condition"))
			e.ExprColumns = SQLIdentifiers(cond)
		}
		b.add(e)
	case "drop_constraint":
		e := b.named(Drop, Constraint)
		e.ConstraintType = ConstraintType(o)
		e.IfExists, _ = o.Arg("if_exists").BoolValue()
		b.add(e)
	case "create_table_comment":
		b.add(b.table(Create, Comment))
	case "drop_table_comment":
		b.add(b.table(Drop, Comment))
	case "bulk_insert":
		t := o.Value("table")
		name, ok := firstArg(t).StringValue()
		ok = ok && t.Kind == pysyntax.Call // sa.table("name", ...)
		b.add(Effect{Change: Create, Object: Rows, Table: name, Unreadable: !ok})
	case migration.EnumCreate, migration.EnumDrop:
		c := Create
		if o.Name == migration.EnumDrop {
			c = Drop
		}
		e := Effect{Change: c, Object: Type, Unreadable: true}
		if en := EnumOf(m.Type(o, o.Target)); en != nil && en.Name != "" {
			e.Name, e.Values, e.Unreadable = en.Name, en.Values, false
		}
		e.IfMissing, _ = m.ChecksFirst(o)
		b.add(e)
	case "create_sequence", "drop_sequence":
		c := Create
		if o.Name == "drop_sequence" {
			c = Drop
		}
		name, ok := firstArg(o.Value("sequence")).StringValue()
		b.add(Effect{Change: c, Object: Sequence, Name: name, Unreadable: !ok})
	case "execute", migration.BindExecute:
		b.sql()
	case migration.UnknownCall:
		if c, ok := entityChanges[pysyntax.LastName(o.Receiver)]; ok && strings.Contains(o.Receiver, ".") {
			// alembic_utils' op.create_entity(PGView(...)), op.create_sp(...):
			// a view, function, trigger or policy whose name the tool does not
			// read; no table changes (ppr's views left its history unknown)
			b.add(Effect{Change: c, Object: View, Unreadable: true})
			return
		}
		if rowsOnly(o) {
			b.add(Effect{Change: Alter, Object: Rows}) // of tables not known
			return
		}
		if fn, ok := searchableTrigger(b.m, o); ok {
			// sqlalchemy-searchable's sync_trigger(conn, table, column,
			// columns) makes a trigger and its function and fills the column
			// (update_rows); drop_trigger drops them: no table or column
			// changes (redash's search vector left its history unknown)
			if fn == "sync_trigger" {
				table, known := argOrKeyword(o.Call, 1, "table_name").StringValue()
				b.add(Effect{Change: Alter, Object: Rows, Table: table, Unreadable: !known})
			}
			return
		}
		if name, ok := syncedEnum(o); ok {
			// alembic-postgresql-enum's op.sync_enum_values(schema, name,
			// values, columns): the enum type's labels change (warehouse,
			// lilypad); no table does
			b.add(Effect{Change: Alter, Object: Type, Name: name})
			return
		}
		b.add(Effect{Change: Alter, Object: Anything})
	case "invoke", "run_async":
		b.add(Effect{Change: Alter, Object: Anything})
	}
}

// searchableTrigger is the sqlalchemy-searchable function a call is, by
// its import ("sync_trigger", "drop_trigger"), and whether it is one.
func searchableTrigger(m *migration.Migration, o *migration.Op) (string, bool) {
	fn := pysyntax.LastName(o.Receiver)
	if fn != "sync_trigger" && fn != "drop_trigger" {
		return "", false
	}
	local, _, dotted := strings.Cut(o.Receiver, ".")
	for _, imp := range m.AllImports() {
		switch {
		case imp.Module != "sqlalchemy_searchable":
		case dotted && imp.Name == "" && imp.Local == local && o.Receiver == local+"."+fn,
			!dotted && imp.Name == fn && imp.Local == fn:
			return fn, true
		}
	}
	return "", false
}

// argOrKeyword is a call's positional argument i, or its keyword argument of
// that name; nil when it has neither.
func argOrKeyword(call *pysyntax.Expr, i int, name string) *pysyntax.Expr {
	if call == nil {
		return nil
	}
	if k := call.Keyword(name); k != nil {
		return k
	}
	if i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}

// makesEnumType reports whether create_table o may make an enum type: a
// column of an enum type, of a type the tool cannot read, or columns it
// cannot list (*columns).
func makesEnumType(m *migration.Migration, o *migration.Op) bool {
	for _, a := range o.Varargs {
		c := m.Column(o, a)
		if a.Kind == pysyntax.Splat || c != nil && (c.Type == nil || EnumOf(c.Type) != nil) {
			return true
		}
	}
	return false
}

// entityChanges are alembic_utils' operations on its entities (PGView,
// PGFunction, PGTrigger, PGPolicy...), and those of the "replaceable
// objects" recipe of Alembic's cookbook, which projects register on op
// (open-event-server's op.create_or_replace_sp(...) left 313 of its
// revisions on a schema not known).
var entityChanges = map[string]Change{"create_entity": Create, "replace_entity": Alter, "drop_entity": Drop,
	"create_view": Create, "replace_view": Alter, "create_or_replace_view": Alter, "drop_view": Drop,
	"create_sp": Create, "replace_sp": Alter, "create_or_replace_sp": Alter, "drop_sp": Drop}

// rowsOnlyMethods are the methods of a session, a connection, a query or a
// MetaData that read or write rows, read the schema (reflect), set options
// (execution_options) or end a transaction, and never change the schema: read as anything, meltano's
// session.commit() after an ORM loop left the rest of its history unknown to
// every rule that reads the schema. update and delete are also a dict's
// update and a query's bulk writes (h's session.delete(row), faraday's
// fields.update(data)): rows at most.
var rowsOnlyMethods = map[string]bool{"commit": true, "flush": true, "rollback": true, "close": true, "add": true,
	"add_all": true, "merge": true, "expunge": true, "expunge_all": true, "refresh": true, "all": true, "first": true,
	"one": true, "one_or_none": true, "scalar": true, "scalars": true, "fetchall": true, "fetchone": true, "reflect": true,
	"delete": true, "update": true, "bulk_save_objects": true, "bulk_insert_mappings": true, "bulk_update_mappings": true,
	"execution_options": true}

// rowsOnly reports whether a call the tool cannot follow is a method call
// that only reads or writes rows (see rowsOnlyMethods).
func rowsOnly(o *migration.Op) bool {
	i := strings.LastIndex(o.Receiver, ".")
	return i > 0 && rowsOnlyMethods[o.Receiver[i+1:]]
}

// syncedEnum is the enum type an alembic-postgresql-enum
// op.sync_enum_values(schema, name, ...) call names, if written out.
func syncedEnum(o *migration.Op) (string, bool) {
	if !strings.HasSuffix(o.Receiver, ".sync_enum_values") {
		return "", false
	}
	arg := o.Call.Keyword("enum_name")
	if arg == nil && len(o.Call.Args) > 1 {
		arg = o.Call.Args[1]
	}
	return arg.StringValue()
}

// tableNamed is an effect on the operation's table and the object a literal
// argument names (for a rename, the new name).
func (b *builder) tableNamed(c Change, obj Object, arg string) Effect {
	e := b.table(c, obj)
	name, ok := b.o.ArgString(arg)
	if c == Rename {
		e.To = name
	} else {
		e.Name = name
	}
	e.Unreadable = e.Unreadable || !ok
	return e
}

var constraintTypes = map[string]string{"create_foreign_key": "foreignkey", "create_unique_constraint": "unique",
	"create_check_constraint": "check", "create_primary_key": "primary"}

// ConstraintType is the type of the constraint an operation creates
// ("unique", "foreignkey", "check", "primary"), or drop_constraint's type_;
// "" when not known.
func ConstraintType(o *migration.Op) string {
	if o.Name == "drop_constraint" {
		t, _ := o.ArgString("type_")
		return t
	}
	return constraintTypes[o.Name]
}

// named is an effect on the index or constraint the operation names, by its
// name in the database: written, or the naming convention's.
func (b *builder) named(c Change, obj Object) Effect {
	e := b.table(c, obj)
	e.Unreadable = false // drop_index may leave the table out
	arg := "constraint_name"
	if obj == Index {
		arg = "index_name"
	}
	v := b.o.Value(arg)
	written, final, ok := migration.NameArg(v)
	if !ok && !v.IsNone() {
		e.Unreadable = true
		return e
	}
	e.Unnamed = !ok
	res, literal := NameOf(b.names, b.m, b.o)
	if literal && res.Known {
		e.Name, e.Final = res.Name, final || res.Converted
		if res.Converted && written != "" && written != res.Name {
			e.Written = written
		}
	}
	return e
}

func (b *builder) alterColumn() {
	o := b.o
	base := b.tableNamed(Alter, Column, "column_name")
	for _, a := range []struct{ arg, aspect string }{{"type_", "type"}, {"nullable", "nullable"}, {"server_default", "default"}} {
		if _, given := o.Args[a.arg]; given {
			e := base
			e.Aspect = a.aspect
			b.add(e)
		}
	}
	if cm, given := o.Args["comment"]; given {
		e := base
		e.Object, e.Change = Comment, Create
		if cm.IsNone() {
			e.Change = Drop
		}
		b.add(e)
	}
	if v := o.Arg("new_column_name"); v != nil {
		e := base
		to, ok := v.StringValue()
		e.Change, e.To, e.Unreadable = Rename, to, e.Unreadable || !ok
		b.add(e)
	}
}

// sql translates the statements of literal SQL.
func (b *builder) sql() {
	s := b.o.SQL
	if s != nil && !s.Known && shapeFollowable(s.Shape) {
		for i := range s.Shape {
			b.shapeStatement(&s.Shape[i])
		}
		return
	}
	if s == nil || !s.Known {
		b.add(Effect{Change: Alter, Object: Anything})
		return
	}
	for i := range s.Statements {
		b.statement(&s.Statements[i])
	}
}

// shapeFollowable reports whether the statements of SQL not known
// (migration.SQL.Shape) can be followed as they show. They certainly leave
// every table, column, index and enum type as they were: they read or write
// rows, set the session, or make or drop (without CASCADE) a function, a
// trigger or another object the model does not follow (a schema dropped
// only under a name written out, as DROP SCHEMA takes its tables; a view
// only under a name written out whose query reads tables written out: the
// tables it depends on are known). Or they alter a table whose name is not
// known in ways an op call on a table named by a variable does (see
// unnamedTableAlter), create an index of a known name on a known table, or
// add a label not known to an enum type of a known name. A statement with
// no unknown part is followed as known SQL is (osparc-simcore's f-string
// names only its trigger, and retypes named columns in the statements
// between).
func shapeFollowable(shape []migration.Statement) bool {
	if len(shape) == 0 {
		return false
	}
	for _, st := range shape {
		if !strings.Contains(st.Text, sqlparse.Hole) {
			continue
		}
		switch st.Kind {
		case migration.SQLUpdate, migration.SQLInsert, migration.SQLDelete, migration.SQLSelect, migration.SQLSession:
		case migration.SQLOther:
			if !st.UnparsedDML() {
				return false
			}
		case migration.SQLAlterTable:
			if !unnamedTableAlter(&st) {
				return false
			}
		case migration.SQLCreateType:
			// an enum type of a known name whose labels are not known
			if st.Values != nil || strings.Contains(st.Object, sqlparse.Hole) {
				return false
			}
		case migration.SQLAlterTypeAdd:
			// a label not known added to an enum type of a known name
			// (faraday's ADD VALUE of a constant it imports)
			if strings.Contains(st.Object, sqlparse.Hole) {
				return false
			}
		case migration.SQLAlterIndex:
			// a rename of an index whose names are not known (sbc-pay renames
			// the indexes an inspector lists): which index, of which table, is
			// not known (see State.applyIndex)
			if st.NewName == "" {
				return false
			}
		case migration.SQLCreateIndex:
			// an index whose name and table are known (onyx's operator class
			// is in a schema the application names)
			if st.Object == "" || strings.Contains(st.Object, sqlparse.Hole) || strings.Contains(st.Table, sqlparse.Hole) {
				return false
			}
		case migration.SQLUntracked:
			if st.Cascade { // DROP ... CASCADE takes along what depends on it
				return false
			}
			switch st.ObjectKind {
			case "VIEW", "MATVIEW":
				// a view made or dropped (without CASCADE) changes no table,
				// whatever its name or query (sbc-auth's CREATE VIEW
				// {view.name} AS {view.sql}): the state keeps views of names
				// not known apart (State.MayBeView)
			case "SCHEMA":
				// a new schema holds no table; one dropped takes its tables
				if !st.Creates && (st.Name == "" || strings.Contains(st.Name, sqlparse.Hole)) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// unnamedTableAlter reports whether st is an ALTER TABLE of a table whose
// name is not known (f"ALTER TABLE {table} ..."), that adds columns, changes
// their nullability or defaults, or adds, drops, renames or validates
// constraints. Its effects are those of op calls on a table named by a
// variable: they change no table the state knows, but for the names of its
// keys and indexes, which become doubtful. A statement that drops or retypes
// a column, or renames the table or a column, is left unknown, as a type or
// a view may depend on what it changes. (skyportal's loop over its join
// tables dropped each one's primary key this way, and funnel's renames its
// constraints; each left the rest of its history unknown.)
func unnamedTableAlter(st *migration.Statement) bool {
	if !strings.Contains(st.Table, sqlparse.Hole) || st.NewName != "" || len(st.Actions) == 0 {
		return false
	}
	for _, a := range st.Actions {
		switch a.Kind {
		case migration.AddColumn, migration.SetNotNull, migration.DropNotNull, migration.SetDefault, migration.DropDefault,
			migration.AddConstraint, migration.DropConstraint, migration.RenameConstraint, migration.ValidateConstraint:
		default:
			return false
		}
	}
	return true
}

// shapeStatement translates one statement of SQL not known: its rows are of
// tables not known (a name in it may stand for another), the rest as written.
func (b *builder) shapeStatement(st *migration.Statement) {
	if change, rows := rowsChanges[st.Kind]; rows {
		b.add(Effect{Change: change, Object: Rows, Unreadable: true})
		return
	}
	if st.Kind == migration.SQLAlterTypeAdd && strings.Contains(st.Value, sqlparse.Hole) {
		// a label not known: the type's labels become doubtful
		b.add(Effect{Change: Alter, Object: Type, Name: st.Object, Statement: st})
		return
	}
	from := len(b.out)
	b.statement(st)
	if st.Kind == migration.SQLAlterTable && strings.Contains(st.Table, sqlparse.Hole) {
		for i := from; i < len(b.out); i++ {
			b.out[i].Table, b.out[i].Unreadable = "", true
		}
	}
}

// rowsChanges are the changes of the statements that write rows.
var rowsChanges = map[migration.StatementKind]Change{migration.SQLInsert: Create, migration.SQLUpdate: Alter, migration.SQLDelete: Drop}

func (b *builder) statement(st *migration.Statement) {
	add := func(e Effect) {
		e.Statement = st
		b.add(e)
	}
	switch st.Kind {
	case migration.SQLCreateTable:
		add(Effect{Change: Create, Object: Table, Table: st.Table, Parent: st.Parent, IfMissing: st.IfNotExists, Temporary: st.Temporary})
	case migration.SQLDropTable:
		add(Effect{Change: Drop, Object: Table, Table: st.Table, Cascade: st.Cascade})
	case migration.SQLAlterTable:
		if st.NewName != "" {
			add(Effect{Change: Rename, Object: Table, Table: st.Table, To: st.NewName})
			return
		}
		if len(st.Actions) == 0 { // SET SCHEMA: not followed
			return
		}
		for i := range st.Actions {
			a := &st.Actions[i]
			if a.Kind == migration.AddConstraint && a.Index != "" && a.Constraint != "" {
				// USING INDEX: the index takes the constraint's name, and goes with it
				b.add(Effect{Change: Rename, Object: Index, Name: a.Index, To: a.Constraint, Statement: st})
			}
			e := action(st.Table, a)
			e.Statement = st
			b.add(e)
		}
	case migration.SQLCreateIndex:
		add(Effect{Change: Create, Object: Index, Table: st.Table, Name: st.Object, Unnamed: st.Object == "", Columns: st.Columns,
			ExprColumns: st.ExprColumns, IfMissing: st.IfNotExists, Unique: st.Unique})
	case migration.SQLDropIndex:
		add(Effect{Change: Drop, Object: Index, Name: st.Object, IfExists: st.IfExists})
	case migration.SQLAlterIndex:
		if st.NewName != "" {
			add(Effect{Change: Rename, Object: Index, Name: st.Object, To: st.NewName})
		}
	case migration.SQLCreateType:
		add(Effect{Change: Create, Object: Type, Name: st.Object, IfMissing: st.IfNotExists})
	case migration.SQLDropType:
		add(Effect{Change: Drop, Object: Type, Name: st.Object, Cascade: st.Cascade})
	case migration.SQLAlterTypeAdd:
		add(Effect{Change: Create, Object: Value, Type: st.Object, Name: st.Value, IfMissing: st.IfNotExists})
	case migration.SQLAlterType:
		switch {
		case st.NewName != "":
			add(Effect{Change: Rename, Object: Type, Name: st.Object, To: st.NewName})
		case st.Verb == "RENAME VALUE":
			add(Effect{Change: Rename, Object: Value, Type: st.Object})
		default:
			add(Effect{Change: Alter, Object: Type, Name: st.Object})
		}
	case migration.SQLInsert:
		add(Effect{Change: Create, Object: Rows, Table: st.Table})
	case migration.SQLUpdate:
		add(Effect{Change: Alter, Object: Rows, Table: st.Table, Where: st.Where})
	case migration.SQLDelete:
		add(Effect{Change: Drop, Object: Rows, Table: st.Table, Where: st.Where})
	case migration.SQLTruncate:
		for _, t := range st.Tables {
			add(Effect{Change: Drop, Object: Rows, Table: t})
		}
	case migration.SQLTransaction:
		add(Effect{Change: Alter, Object: Transaction, Name: st.Verb})
	case migration.SQLUntracked:
		obj := map[string]Object{"VIEW": View, "MATVIEW": View, "SEQUENCE": Sequence, "SCHEMA": Namespace}[st.ObjectKind]
		unreadable := func(names ...string) bool {
			return slices.ContainsFunc(names, func(n string) bool { return n == "" || strings.Contains(n, sqlparse.Hole) })
		}
		switch {
		case obj == 0:
		case st.Creates:
			add(Effect{Change: Create, Object: obj, Name: st.Name, Reads: st.Tables, IfMissing: st.IfNotExists,
				Unreadable: unreadable(st.Name)})
		case st.Verb == "DROP":
			add(Effect{Change: Drop, Object: obj, Name: st.Name, Cascade: st.Cascade, Unreadable: unreadable(st.Name)})
		case st.Verb == "RENAME TO":
			add(Effect{Change: Rename, Object: obj, Name: st.Name, To: st.NewName, Unreadable: unreadable(st.Name, st.NewName)})
		case st.Verb == "ALTER SEQUENCE":
			add(Effect{Change: Alter, Object: obj, Name: st.Name})
		}
	case migration.SQLOther:
		if st.UnparsedDML() { // rows of tables not known
			change := Create // INSERT, REPLACE
			switch st.Verb {
			case "DELETE":
				change = Drop
			case "UPDATE":
				change = Alter
			}
			add(Effect{Change: change, Object: Rows, Unreadable: true})
			return
		}
		if table, ok := st.UnreadAlterTable(); ok { // that one table, in ways not read
			add(Effect{Change: Alter, Object: Table, Table: table, Action: &migration.TableAction{Kind: migration.UnreadAction}})
			return
		}
		add(Effect{Change: Alter, Object: Anything})
	}
}

// UnreadAlter reports an ALTER TABLE whose subcommands were not read: its
// table may have changed in any column, index or key.
func (e Effect) UnreadAlter() bool {
	return e.Object == Table && e.Action != nil && e.Action.Kind == migration.UnreadAction
}

// action translates one ALTER TABLE subcommand.
func action(table string, a *migration.TableAction) Effect {
	e := Effect{Object: Column, Table: table, Name: a.Column, Action: a}
	switch a.Kind {
	case migration.AddColumn:
		e.Change = Create
	case migration.DropColumn:
		e.Change = Drop
	case migration.RenameColumn:
		e.Change, e.To = Rename, a.NewName
	case migration.AlterColumnType:
		e.Change, e.Aspect = Alter, "type"
	case migration.SetNotNull, migration.DropNotNull:
		e.Change, e.Aspect = Alter, "nullable"
	case migration.SetDefault, migration.DropDefault:
		e.Change, e.Aspect = Alter, "default"
	case migration.AddConstraint:
		e.Change, e.Object, e.Name, e.ConstraintType = Create, Constraint, a.Constraint, sqlConstraintTypes[a.ConstraintKind]
		e.Columns, e.ExprColumns, e.Unnamed = a.Columns, a.ExprColumns, a.Constraint == ""
	case migration.DropConstraint:
		e.Change, e.Object, e.Name, e.IfExists = Drop, Constraint, a.Constraint, a.IfExists
	case migration.RenameConstraint:
		e.Change, e.Object, e.Name, e.To = Rename, Constraint, a.Constraint, a.NewName
	case migration.ValidateConstraint:
		e.Change, e.Object, e.Name = Alter, Constraint, a.Constraint
	default: // anything else of the table (SET TABLESPACE, triggers, partitions...)
		e.Change, e.Object, e.Name = Alter, Table, ""
	}
	return e
}

// sqlConstraintTypes map SQL's constraint kinds to drop_constraint's type_.
var sqlConstraintTypes = map[string]string{"foreign key": "foreignkey", "unique": "unique", "check": "check", "primary key": "primary"}

// String names the effect for messages and tests ("create index ix_a on t").
func (e Effect) String() string {
	words := []string{[...]string{"", "create", "drop", "rename", "alter"}[e.Change],
		[...]string{"", "table", "column", "index", "constraint", "type", "value", "sequence", "view", "schema", "comment", "rows", "transaction", "anything"}[e.Object]}
	if e.Name != "" {
		words = append(words, e.Name)
	}
	if e.Table != "" {
		words = append(words, "on", e.Key())
	}
	if e.To != "" {
		words = append(words, "to", e.To)
	}
	for _, flag := range []struct {
		on   bool
		word string
	}{{e.Temporary, "temporary"}, {e.IfMissing, "if missing"}, {e.IfExists, "if exists"}, {e.Unique, "unique"}, {e.Where, "where"}, {e.Cascade, "cascade"}} {
		if flag.on {
			words = append(words, "("+flag.word+")")
		}
	}
	return strings.Join(words, " ")
}
