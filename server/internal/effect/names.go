package effect

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// constraintKinds map the operations Alembic builds a named object for to the
// naming convention's keys.
var constraintKinds = map[string]string{"create_foreign_key": naming.ForeignKey, "create_unique_constraint": naming.Unique,
	"create_check_constraint": naming.Check, "create_primary_key": naming.PrimaryKey, "create_index": naming.Index,
	"drop_index": naming.Index}

// DropKinds map drop_constraint's type_ to the naming convention's keys (no
// type_ builds a plain Constraint, which no convention names).
var DropKinds = map[string]string{"foreignkey": naming.ForeignKey, "unique": naming.Unique, "check": naming.Check,
	"primary": naming.PrimaryKey}

// ObjectOf describes the constraint or index an operation creates or drops as
// the naming convention sees it; false when the operation names none, or its
// name or type_ is not a literal.
func ObjectOf(m *migration.Migration, o *migration.Op) (naming.Object, bool) {
	table, _ := o.Table() // drop_index may leave it out: a template needing it is then not known
	obj := naming.Object{Table: table, Schema: Schema(o)}
	nameArg := "constraint_name"
	switch o.Name {
	case "drop_constraint":
		obj.Drop = true
		if t := o.Arg("type_"); t != nil && !t.IsNone() {
			kind, ok := t.StringValue()
			if !ok {
				return naming.Object{}, false
			}
			obj.Kind = DropKinds[kind]
		}
	case "drop_index":
		obj.Drop, obj.Kind, nameArg = true, naming.Index, "index_name"
	case "create_index":
		obj.Kind, nameArg = naming.Index, "index_name"
		obj.Columns, obj.ColumnsKnown = o.Value("columns").Strings()
	case "create_foreign_key":
		obj.Kind = naming.ForeignKey
		obj.Columns, obj.ColumnsKnown = o.Value("local_cols").Strings()
		obj.RefTable, _ = o.ArgString("referent_table")
		obj.RefColumns, _ = o.Value("remote_cols").Strings()
	case "create_unique_constraint", "create_primary_key":
		obj.Kind = constraintKinds[o.Name]
		obj.Columns, obj.ColumnsKnown = o.Value("columns").Strings()
	case "create_check_constraint":
		obj.Kind = naming.Check
		// a SQL string has no columns for the convention; an expression's are not followed
		_, obj.ColumnsKnown = ConditionText(m, o)
	default:
		return naming.Object{}, false
	}
	v := o.Value(nameArg)
	if !v.IsNone() {
		name, final, ok := migration.NameArg(v)
		if !ok {
			return naming.Object{}, false
		}
		obj.Name, obj.Final = name, final
	}
	return obj, true
}

// ConditionText is a check constraint's condition when it is SQL text (a
// string or text("...")).
func ConditionText(m *migration.Migration, o *migration.Op) (string, bool) {
	c, _ := m.Resolve(o, o.Arg("condition"))
	if s, ok := c.StringValue(); ok {
		return s, true
	}
	if c != nil && c.Kind == pysyntax.Call && pysyntax.LastName(c.CallName()) == "text" && len(c.Args) == 1 {
		return c.Args[0].StringValue()
	}
	return "", false
}

// Schema is the schema of an operation's table: its schema argument, or
// its batch block's.
func Schema(o *migration.Op) string {
	for _, name := range []string{"schema", "source_schema"} {
		if s, ok := o.ArgString(name); ok {
			return s
		}
	}
	if o.Batch != nil && o.Batch.Op != nil {
		s, _ := o.Batch.Op.ArgString("schema")
		return s
	}
	return ""
}

// NameOf is the name the object an operation creates or drops has in the
// database, as far as it is known: the name written, the naming convention's,
// or (Known false) one the database or unreadable code chooses.
func NameOf(n naming.Namer, m *migration.Migration, o *migration.Op) (naming.Result, bool) {
	obj, ok := ObjectOf(m, o)
	if !ok {
		return naming.Result{}, false
	}
	return n.Name(obj), true
}

// TableKey is how tables are keyed: "schema.table" when a literal schema other
// than public is given (create_foreign_key calls it source_schema).
func TableKey(o *migration.Op, table string) string { return key(tableSchema(o), table) }

// tableSchema is the literal schema argument of an operation's table.
func tableSchema(o *migration.Op) string {
	for _, name := range []string{"schema", "source_schema"} {
		if schema, ok := o.ArgString(name); ok && schema != "" {
			return schema
		}
	}
	return ""
}

// EnumOf returns the native named enum of a type, or nil.
func EnumOf(t *migration.TypeRef) *migration.Enum {
	if t == nil {
		return nil
	}
	if t.Item != nil && t.Enum == nil {
		return EnumOf(t.Item) // ARRAY(Enum(...)) uses the type too
	}
	if t.Enum == nil || !t.Enum.Native {
		return nil
	}
	return t.Enum
}
