package migration

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Column is an sa.Column(...) expression.
type Column struct {
	Name          string
	NameKnown     bool
	Type          *TypeRef
	PrimaryKey    bool
	ServerDefault *Expr // nil when absent
	ForeignKeys   []ForeignKey
	Expr          *Expr
	nullable      *Expr
}

// Generated reports whether the column is generated from an expression
// (sa.Computed): it holds no values of its own.
func (c *Column) Generated() bool {
	return c.Expr != nil && slices.ContainsFunc(c.Expr.Args, func(a *Expr) bool { return pysyntax.LastName(a.CallName()) == "Computed" })
}

// Nullable reports the column's nullability and whether it is known statically.
// An absent nullable= means NULL allowed unless the column is a primary key.
func (c *Column) Nullable() (nullable, known bool) {
	if c.nullable == nil {
		return !c.PrimaryKey, true
	}
	v, ok := c.nullable.BoolValue()
	return v, ok
}

// ChecksFirst reports whether an <enum>.create(bind) or .drop(bind) (an
// EnumCreate or EnumDrop) looks the type up first, so that it skips a type
// that exists (is missing), and whether that is known: a literal checkfirst=,
// else the default of the type's class, True for postgresql.ENUM (its create
// and drop default to it) and False for sa.Enum.
func (m *Migration) ChecksFirst(o *Op) (checks, known bool) {
	if a := o.Arg("checkfirst"); a != nil {
		return a.BoolValue()
	}
	if t := m.Type(o, o.Target); t != nil && t.Enum != nil {
		return t.Enum.Dialect, true
	}
	return false, false
}

// TypeRef is a column type expression.
type TypeRef struct {
	Name   string // final name segment: "Enum", "ENUM", "ARRAY", "String", "VARCHAR", ...
	Dotted string // as written: "sa.Enum", "postgresql.ENUM"
	Var    string // the variable it was read from, if any
	Expr   *Expr
	Enum   *Enum
	Item   *TypeRef // ARRAY element type
	Length int      // String(n)/VARCHAR(n) length; 0 when absent
}

// Enum is a named enumerated type (sa.Enum / postgresql.ENUM).
type Enum struct {
	Name        string // "" when not given literally
	Values      []string
	ValuesKnown bool
	// Native is false for sa.Enum(..., native_enum=False): no database type exists.
	Native bool
	// CreateType is false for postgresql.ENUM(..., create_type=False): table DDL
	// will not issue CREATE TYPE (an explicit .create() still does).
	CreateType bool
	Dialect    bool // postgresql.ENUM rather than the generic sa.Enum
	// Class is the Python enum class of sa.Enum(OrderStatus), "" for values
	// written out; NameInferred is set when Name is SQLAlchemy's default for
	// it (the class name lowercased), as no name= is given.
	Class        string
	NameInferred bool
	// Schema is the schema the type lives in when it is not the search
	// path's: schema="app", inherit_schema=True (the table's), or a
	// schema not written literally (its text).
	Schema string
}

// columnHelpers are positional Column arguments that are not the type.
var columnHelpers = map[string]bool{"ForeignKey": true, "Sequence": true, "Identity": true, "Computed": true,
	"CheckConstraint": true, "UniqueConstraint": true, "DefaultClause": true, "FetchedValue": true}

// Resolve follows a variable to the value assigned to it for an operation:
// the function's assignments first, then module level.
func (m *Migration) Resolve(o *Op, e *Expr) (*Expr, string) {
	varName := ""
	for range 4 {
		if e == nil || e.Kind != pysyntax.Name {
			break
		}
		v := o.Locals[e.Name]
		if v == nil {
			v = m.Vars[e.Name]
		}
		if v == nil {
			break
		}
		varName, e = e.Name, v
	}
	return e, varName
}

// Column interprets an sa.Column(...) argument of an operation.
func (m *Migration) Column(o *Op, e *Expr) *Column {
	e, _ = m.Resolve(o, e)
	if e == nil || e.Kind != pysyntax.Call || pysyntax.LastName(e.CallName()) != "Column" {
		return nil
	}
	c := &Column{Expr: e, nullable: e.Keyword("nullable"), ServerDefault: e.Keyword("server_default")}
	if c.ServerDefault != nil && c.ServerDefault.IsNone() {
		c.ServerDefault = nil
	}
	if pk, ok := e.Keyword("primary_key").BoolValue(); ok {
		c.PrimaryKey = pk
	}
	args := e.Args
	if len(args) > 0 && args[0].Kind == pysyntax.String {
		c.Name, c.NameKnown = args[0].Str, true
		args = args[1:]
	} else if name, ok := e.Keyword("name").StringValue(); ok {
		c.Name, c.NameKnown = name, true
	}
	if t := e.Keyword("type_"); t != nil {
		c.Type = m.Type(o, t)
	}
	for _, a := range args {
		if a.Kind == pysyntax.Call && pysyntax.LastName(a.CallName()) == "ForeignKey" {
			c.ForeignKeys = append(c.ForeignKeys, foreignKeyFromColumn(c.Name, a))
			continue
		}
		if c.Type == nil && !columnHelpers[pysyntax.LastName(a.CallName())] {
			c.Type = m.Type(o, a)
		}
	}
	return c
}

// Type interprets a type expression (sa.String(50), sa.Integer, a variable...).
func (m *Migration) Type(o *Op, e *Expr) *TypeRef {
	resolved, varName := m.Resolve(o, e)
	if resolved == nil {
		return nil
	}
	t := &TypeRef{Var: varName, Expr: resolved}
	switch resolved.Kind {
	case pysyntax.Call:
		t.Dotted = resolved.CallName()
	case pysyntax.Name, pysyntax.Attribute:
		t.Dotted = resolved.Dotted()
	default:
		return t
	}
	t.Name = pysyntax.LastName(t.Dotted)
	if resolved.Kind != pysyntax.Call {
		return t
	}
	switch t.Name {
	case "Enum", "ENUM":
		t.Enum = enumOf(resolved, t.Name == "ENUM")
		m.classEnum(t.Enum, resolved)
	case "ARRAY":
		item := resolved.Keyword("item_type")
		if len(resolved.Args) > 0 {
			item = resolved.Args[0]
		}
		if item != nil {
			t.Item = m.Type(o, item)
		}
	default:
		length := resolved.Keyword("length")
		if len(resolved.Args) > 0 {
			length = resolved.Args[0]
		}
		if length != nil && length.Kind == pysyntax.Number {
			t.Length, _ = strconv.Atoi(length.Text)
		}
	}
	return t
}

func enumOf(e *Expr, dialect bool) *Enum {
	en := &Enum{Native: true, CreateType: true, Dialect: dialect, ValuesKnown: true}
	en.Name, _ = e.Keyword("name").StringValue()
	if v, ok := e.Keyword("native_enum").BoolValue(); ok {
		en.Native = v
	} else if e.Keyword("native_enum") != nil {
		en.ValuesKnown = false
	}
	if v, ok := e.Keyword("create_type").BoolValue(); ok {
		en.CreateType = v
	}
	if schema := e.Keyword("schema"); schema != nil {
		if v, ok := schema.StringValue(); !ok || !strings.EqualFold(v, "public") {
			en.Schema = cmp.Or(v, schema.Text)
		}
	}
	if inherit, _ := e.Keyword("inherit_schema").BoolValue(); inherit {
		en.Schema = "the table's schema"
	}
	for _, a := range e.Args {
		if a.Kind != pysyntax.String {
			en.ValuesKnown = false // *values, a Python enum class, a constant...
			continue
		}
		en.Values = append(en.Values, a.Str)
	}
	return en
}

// isEnumType reports whether e constructs a sa.Enum / postgresql.ENUM.
func isEnumType(e *Expr) bool {
	if e == nil || e.Kind != pysyntax.Call {
		return false
	}
	n := pysyntax.LastName(e.CallName())
	return n == "Enum" || n == "ENUM"
}

// ForeignKey is a foreign key from a column or a ForeignKeyConstraint.
type ForeignKey struct {
	Name     string // "" when unnamed (PostgreSQL names it <table>_<col>_fkey)
	Final    bool   // the name is written op.f("..."): no naming convention converts it
	Columns  []string
	RefTable string // "" when not literal
	// RefSchema is the schema the target names ("" when it names none: the
	// search path's, public)
	RefSchema  string
	RefColumns []string
	Expr       *Expr
	// UseAlter (use_alter=True): on databases with ALTER (PostgreSQL, MySQL)
	// CREATE TABLE leaves the key out; only create_foreign_key adds it.
	UseAlter bool
	// OnDelete is the ON DELETE action written (ondelete="SET NULL"),
	// upper-case; "" when none is written or it is not a literal.
	OnDelete string
}

// NameArg reads a literal constraint or index name, also written op.f("...")
// (batch_op.f, conv): final is then set, as no naming convention converts it.
func NameArg(e *Expr) (name string, final, ok bool) {
	if s, ok := e.StringValue(); ok {
		return s, false, true
	}
	if e != nil && e.Kind == pysyntax.Call && len(e.Args) == 1 {
		if n := pysyntax.LastName(e.CallName()); n == "f" || n == "conv" {
			s, ok := e.Args[0].StringValue()
			return s, true, ok
		}
	}
	return "", false, false
}

// onDelete reads ondelete="..." from a ForeignKey or ForeignKeyConstraint.
func onDelete(e *Expr) string {
	action, _ := e.Keyword("ondelete").StringValue()
	return strings.ToUpper(action)
}

// useAlter reads use_alter=True from a ForeignKey or ForeignKeyConstraint.
func useAlter(e *Expr) bool {
	v, ok := e.Keyword("use_alter").BoolValue()
	return ok && v
}

func foreignKeyFromColumn(column string, e *Expr) ForeignKey {
	fk := ForeignKey{Columns: []string{column}, Expr: e, UseAlter: useAlter(e), OnDelete: onDelete(e)}
	fk.Name, fk.Final, _ = NameArg(e.Keyword("name"))
	if len(e.Args) > 0 {
		if target, ok := e.Args[0].StringValue(); ok {
			fk.RefSchema, fk.RefTable, fk.RefColumns = splitTarget(target)
		}
	}
	return fk
}

// splitTarget turns "schema.table.col" into ("schema", "table", ["col"]).
func splitTarget(target string) (schema, table string, cols []string) {
	parts := strings.Split(target, ".")
	if len(parts) < 2 {
		return "", "", nil
	}
	if len(parts) > 2 {
		schema = parts[len(parts)-3]
	}
	return schema, parts[len(parts)-2], []string{parts[len(parts)-1]}
}

// Constraint is a table-level constraint in create_table.
type Constraint struct {
	Kind       string // "foreignkey", "unique", "primary", "check"
	Name       string
	Columns    []string
	ForeignKey *ForeignKey
	Expr       *Expr
}

var constraintKinds = map[string]string{"ForeignKeyConstraint": "foreignkey", "UniqueConstraint": "unique",
	"PrimaryKeyConstraint": "primary", "CheckConstraint": "check"}

// Table is what create_table declares.
type Table struct {
	Name        string
	Columns     []*Column
	Constraints []Constraint
	// Indexes are the sa.Index(...) arguments: create_table creates them
	// after the table.
	Indexes []TableIndex
}

// TableIndex is an sa.Index(name, *columns, unique=...) given to create_table.
// Columns is nil unless every expression is a column name.
type TableIndex struct {
	Name    string
	Columns []string
	Unique  bool
	Expr    *Expr
}

// CreateTable interprets a create_table operation.
func (m *Migration) CreateTable(o *Op) *Table {
	name, ok := o.ArgString("table_name")
	if !ok || o.Name != "create_table" {
		return nil
	}
	t := &Table{Name: name}
	for _, a := range o.Varargs {
		if c := m.Column(o, a); c != nil {
			t.Columns = append(t.Columns, c)
			continue
		}
		a, _ := m.Resolve(o, a)
		if pysyntax.LastName(a.CallName()) == "Index" {
			t.Indexes = append(t.Indexes, tableIndex(a))
			continue
		}
		kind := constraintKinds[pysyntax.LastName(a.CallName())]
		if kind == "" {
			continue
		}
		c := Constraint{Kind: kind, Expr: a}
		var final bool
		c.Name, final, _ = NameArg(a.Keyword("name"))
		if kind == "foreignkey" && len(a.Args) >= 2 {
			local, _ := a.Args[0].Strings()
			remote, _ := a.Args[1].Strings()
			fk := &ForeignKey{Name: c.Name, Final: final, Columns: local, Expr: a, UseAlter: useAlter(a), OnDelete: onDelete(a)}
			for _, r := range remote {
				schema, table, cols := splitTarget(r)
				fk.RefSchema, fk.RefTable = schema, table
				fk.RefColumns = append(fk.RefColumns, cols...)
			}
			c.Columns, c.ForeignKey = local, fk
		} else if kind != "check" {
			for _, col := range a.Args {
				if s, ok := col.StringValue(); ok {
					c.Columns = append(c.Columns, s)
				}
			}
		}
		t.Constraints = append(t.Constraints, c)
	}
	for _, c := range t.Columns {
		if c.PrimaryKey {
			continue
		}
		for _, pk := range t.Constraints {
			if pk.Kind == "primary" && slices.Contains(pk.Columns, c.Name) {
				c.PrimaryKey = true
			}
		}
	}
	return t
}

// tableIndex reads an sa.Index(name, *columns, unique=...) call.
func tableIndex(a *Expr) TableIndex {
	ix := TableIndex{Expr: a}
	ix.Unique, _ = a.Keyword("unique").BoolValue()
	if len(a.Args) == 0 {
		return ix
	}
	ix.Name, _, _ = NameArg(a.Args[0])
	var cols []string
	for _, col := range a.Args[1:] {
		s, ok := col.StringValue()
		if !ok {
			return ix // an expression or a Column object: which columns is not read
		}
		cols = append(cols, s)
	}
	ix.Columns = cols
	return ix
}

// InlineForeignKeys lists the foreign keys CREATE TABLE itself makes (on
// databases with ALTER): every declared one but those with use_alter=True.
func (t *Table) InlineForeignKeys() []ForeignKey {
	return slices.DeleteFunc(t.ForeignKeys(), func(fk ForeignKey) bool { return fk.UseAlter })
}

// ForeignKeys lists every foreign key a create_table declares (column and table level).
func (t *Table) ForeignKeys() []ForeignKey {
	var out []ForeignKey
	for _, c := range t.Columns {
		out = append(out, c.ForeignKeys...)
	}
	for _, c := range t.Constraints {
		if c.ForeignKey != nil {
			out = append(out, *c.ForeignKey)
		}
	}
	return out
}
