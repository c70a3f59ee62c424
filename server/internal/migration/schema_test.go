package migration

import (
	"slices"
	"testing"
)

func TestCreateTableSchema(t *testing.T) {
	m := parseFixture(t, "schema_types.py")
	ops := m.Upgrade.Ops
	if got := opLines(m.Upgrade); !slices.Equal(got, []string{"create_table@19", "add_column@38", "add_column@39"}) {
		t.Fatalf("ops = %v", got)
	}
	tbl := m.CreateTable(ops[0])
	if tbl == nil || tbl.Name != "orders" {
		t.Fatalf("CreateTable = %+v", tbl)
	}
	type col struct {
		name          string
		typeName      string
		typeDotted    string
		typeVar       string
		length        int
		nullable      bool
		nullableKnown bool
		primaryKey    bool
		serverDefault string // lit of the server default, "" when absent
	}
	want := []col{
		{"id", "Integer", "sa.Integer", "", 0, false, true, true, ""},
		{"code", "String", "sa.String", "", 32, false, true, false, `"N/A"`},
		{"note", "String", "sa.String", "", 200, true, true, false, ""}, // server_default=None is no default
		{"status", "Enum", "sa.Enum", "order_status", 0, false, true, false, ""},
		{"channel", "ENUM", "postgresql.ENUM", "channel", 0, true, true, false, ""},
		{"priority", "Enum", "sa.Enum", "", 0, true, true, false, ""},
		{"tags", "ARRAY", "postgresql.ARRAY", "", 0, true, true, false, `sa.text("'{}'")`},
		{"customer_id", "Integer", "sa.Integer", "", 0, true, true, false, ""},
		{"archived", "Boolean", "sa.Boolean", "", 0, false, false, false, ""},  // nullable=<a variable>
		{"placed_at", "DateTime", "sa.DateTime", "", 0, true, true, false, ""}, // name= and type_= keywords
		{"tenant_id", "Integer", "sa.Integer", "", 0, false, true, true, ""},   // primary key from PrimaryKeyConstraint
		{"region", "Text", "sa.Text", "", 0, true, true, false, ""},
	}
	if len(tbl.Columns) != len(want) {
		t.Fatalf("%d columns, want %d", len(tbl.Columns), len(want))
	}
	for i, w := range want {
		c := tbl.Columns[i]
		if c.Name != w.name || !c.NameKnown {
			t.Errorf("column %d = %q (known %v), want %q", i, c.Name, c.NameKnown, w.name)
			continue
		}
		if c.Type == nil || c.Type.Name != w.typeName || c.Type.Dotted != w.typeDotted || c.Type.Var != w.typeVar || c.Type.Length != w.length {
			t.Errorf("%s type = %+v, want %s %s var=%q len=%d", w.name, c.Type, w.typeName, w.typeDotted, w.typeVar, w.length)
		}
		if n, known := c.Nullable(); n != w.nullable || known != w.nullableKnown {
			t.Errorf("%s Nullable() = %v, %v, want %v, %v", w.name, n, known, w.nullable, w.nullableKnown)
		}
		if c.PrimaryKey != w.primaryKey {
			t.Errorf("%s PrimaryKey = %v", w.name, c.PrimaryKey)
		}
		sd := ""
		if c.ServerDefault != nil {
			sd = lit(c.ServerDefault)
		}
		if sd != w.serverDefault {
			t.Errorf("%s server default = %q, want %q", w.name, sd, w.serverDefault)
		}
	}
	byName := map[string]*Column{}
	for _, c := range tbl.Columns {
		byName[c.Name] = c
	}
	enums := []struct {
		column     string
		name       string
		values     []string
		known      bool
		native     bool
		createType bool
		dialect    bool
	}{
		{"status", "order_status", []string{"pending", "paid", "shipped"}, true, true, true, false}, // module-level variable
		{"channel", "sales_channel", []string{"web", "store"}, true, true, false, true},             // function-local, create_type=False
		{"priority", "priority", nil, false, false, true, false},                                    // *values, native_enum=False
	}
	for _, e := range enums {
		c := byName[e.column]
		en := c.Type.Enum
		if en == nil {
			t.Errorf("%s: no enum", e.column)
			continue
		}
		if en.Name != e.name || !slices.Equal(en.Values, e.values) || en.ValuesKnown != e.known || en.Native != e.native || en.CreateType != e.createType || en.Dialect != e.dialect {
			t.Errorf("%s enum = %+v, want %+v", e.column, *en, e)
		}
	}
	if item := byName["tags"].Type.Item; item == nil || item.Name != "String" || item.Length != 20 {
		t.Errorf("ARRAY item = %+v", item)
	}
	if byName["id"].Type.Enum != nil || byName["tags"].Type.Enum != nil {
		t.Error("non-enum types have no Enum")
	}
	fks := byName["customer_id"].ForeignKeys
	if len(fks) != 1 || fks[0].Name != "fk_orders_customer" || fks[0].RefTable != "customers" || !slices.Equal(fks[0].RefColumns, []string{"id"}) || !slices.Equal(fks[0].Columns, []string{"customer_id"}) {
		t.Errorf("column foreign key = %+v", fks)
	}

	type cons struct {
		kind, name string
		columns    []string
	}
	var gotCons []cons
	for _, c := range tbl.Constraints {
		gotCons = append(gotCons, cons{c.Kind, c.Name, c.Columns})
	}
	wantCons := []cons{
		{"foreignkey", "fk_orders_tenant", []string{"tenant_id", "region"}},
		{"primary", "pk_orders_tenant", []string{"tenant_id"}},
		{"unique", "uq_orders_code", []string{"code", "region"}},
		{"check", "ck_orders_code", nil},
	}
	if !slices.EqualFunc(gotCons, wantCons, func(a, b cons) bool {
		return a.kind == b.kind && a.name == b.name && slices.Equal(a.columns, b.columns)
	}) {
		t.Errorf("constraints:\n got %+v\nwant %+v", gotCons, wantCons)
	}
	fk := tbl.Constraints[0].ForeignKey
	if fk == nil || fk.RefTable != "tenants" || !slices.Equal(fk.RefColumns, []string{"id", "region"}) || !slices.Equal(fk.Columns, []string{"tenant_id", "region"}) {
		t.Errorf("table foreign key = %+v", fk)
	}
	if all := tbl.ForeignKeys(); len(all) != 2 || all[0].Name != "fk_orders_customer" || all[1].Name != "fk_orders_tenant" {
		t.Errorf("ForeignKeys() = %+v", all)
	}

	// add_column with an inline postgresql.ENUM and a keyword ARRAY item type
	rush := m.Column(ops[1], ops[1].Arg("column"))
	if rush == nil || rush.Name != "rush" || rush.Type.Enum == nil || !rush.Type.Enum.Dialect || rush.Type.Enum.Name != "rush_flag" || !slices.Equal(rush.Type.Enum.Values, []string{"yes", "no"}) {
		t.Errorf("rush column = %+v", rush)
	}
	if n, known := rush.Nullable(); n || !known {
		t.Errorf("rush nullable = %v %v", n, known)
	}
	items := m.Column(ops[2], ops[2].Arg("column"))
	if items == nil || items.Type.Item == nil || items.Type.Item.Name != "Integer" {
		t.Errorf("items column = %+v", items)
	}
	// a drop is not a create_table, and a non-column is not a column
	if m.CreateTable(m.Downgrade.Ops[0]) != nil {
		t.Error("CreateTable of drop_table")
	}
	if m.Column(ops[0], ops[0].Arg("table_name")) != nil {
		t.Error("Column of a string")
	}
}

func TestTypeAndColumnForms(t *testing.T) {
	src := `from alembic import op
import sqlalchemy as sa
from sqlalchemy import Column, String, Enum

def upgrade():
    op.add_column("t", Column("a", String(length=12)))
    op.add_column("t", sa.Column("b", sa.VARCHAR(64), primary_key=True))
    op.add_column("t", sa.Column("c", sa.Integer, primary_key=True, nullable=True))
    op.add_column("t", sa.Column(sa.Integer))
    op.add_column("t", sa.Column("d", Enum(MyEnum, name="my_enum")))
    op.add_column("t", sa.Column("e", sa.Enum("x", name="e", native_enum=flag)))
    op.add_column("t", sa.Column("f", sa.ARRAY(sa.Enum("p", "q", name="pq"))))
    op.add_column("t", sa.Column("g", sa.Integer, sa.ForeignKey("users.id"), sa.Identity()))
    op.add_column("t", sa.Column("h", sa.Integer, sa.ForeignKey(target)))
`
	m := parseSource(t, src)
	ops := m.Upgrade.Ops
	cols := make([]*Column, len(ops))
	for i, o := range ops {
		cols[i] = m.Column(o, o.Arg("column"))
		if cols[i] == nil {
			t.Fatalf("column %d not recognised", i)
		}
	}
	if c := cols[0]; c.Type.Name != "String" || c.Type.Dotted != "String" || c.Type.Length != 12 {
		t.Errorf("String(length=12) = %+v", c.Type)
	}
	if c := cols[1]; c.Type.Name != "VARCHAR" || c.Type.Length != 64 || !c.PrimaryKey {
		t.Errorf("VARCHAR(64) = %+v", c.Type)
	}
	if n, known := cols[1].Nullable(); n || !known {
		t.Errorf("primary key default nullable = %v %v", n, known)
	}
	if n, known := cols[2].Nullable(); !n || !known {
		t.Errorf("explicit nullable=True on a primary key = %v %v", n, known)
	}
	if c := cols[3]; c.NameKnown || c.Name != "" || c.Type.Name != "Integer" {
		t.Errorf("unnamed column = %+v", c)
	}
	if en := cols[4].Type.Enum; en == nil || en.ValuesKnown || en.Name != "my_enum" {
		t.Errorf("Enum(MyEnum) = %+v", en)
	}
	if en := cols[5].Type.Enum; en == nil || !en.Native || !slices.Equal(en.Values, []string{"x"}) {
		t.Errorf("Enum(native_enum=<var>) = %+v", en)
	}
	if it := cols[6].Type.Item; it == nil || it.Enum == nil || it.Enum.Name != "pq" {
		t.Errorf("ARRAY(Enum) item = %+v", it)
	}
	if c := cols[7]; c.Type.Name != "Integer" || len(c.ForeignKeys) != 1 || c.ForeignKeys[0].RefTable != "users" || c.ForeignKeys[0].Name != "" {
		t.Errorf("column with FK and Identity = %+v %+v", c.Type, c.ForeignKeys)
	}
	if fk := cols[8].ForeignKeys; len(fk) != 1 || fk[0].RefTable != "" || fk[0].RefColumns != nil {
		t.Errorf("FK to a variable = %+v", fk)
	}
}

func TestEnumOps(t *testing.T) {
	m := parseFixture(t, "enum_ops.py")
	type enumOp struct {
		line       int
		name       string
		bind       string
		checkfirst string
		targetVar  string
		enumName   string
		dialect    bool
	}
	up := []enumOp{
		{17, EnumCreate, "op.get_bind()", "True", "status_type", "status_type", true}, // module-level variable
		{20, EnumCreate, "bind", "<nil>", "visibility", "visibility", false},          // function-local variable
		{21, EnumCreate, "bind", "False", "", "grade", true},                          // inline postgresql.ENUM(...).create
	}
	down := []enumOp{
		{28, EnumDrop, "op.get_bind()", "<nil>", "", "visibility", false}, // sa.Enum(name=...).drop
		{29, EnumDrop, "op.get_bind()", "True", "status_type", "status_type", true},
		{30, EnumDrop, "op.get_bind()", "True", "", "grade", true},
	}
	check := func(f *Function, idx []int, want []enumOp) {
		t.Helper()
		for i, w := range want {
			o := f.Ops[idx[i]]
			if o.Name != w.name || int(o.Stmt.StartLine) != w.line {
				t.Errorf("%s op %d = %s@%d, want %s@%d", f.Name, idx[i], o.Name, o.Stmt.StartLine, w.name, w.line)
				continue
			}
			if lit(o.Args["bind"]) != w.bind || lit(o.Args["checkfirst"]) != w.checkfirst || o.TargetVar != w.targetVar {
				t.Errorf("%s@%d bind=%s checkfirst=%s var=%q", o.Name, w.line, lit(o.Args["bind"]), lit(o.Args["checkfirst"]), o.TargetVar)
			}
			tr := m.Type(o, o.Target)
			if tr == nil || tr.Enum == nil || tr.Enum.Name != w.enumName || tr.Enum.Dialect != w.dialect {
				t.Errorf("%s@%d target enum = %+v", o.Name, w.line, tr)
			}
		}
	}
	if got := opNames(m.Upgrade); !slices.Equal(got, []string{EnumCreate, EnumCreate, EnumCreate, "add_column", UnknownCall}) {
		t.Fatalf("upgrade ops = %v", got)
	}
	check(m.Upgrade, []int{0, 1, 2}, up)
	// .create() on something that is not an enum type is an unknown call
	if o := m.Upgrade.Ops[4]; o.Receiver != "some_table.create" || o.Stmt.StartLine != 23 {
		t.Errorf("unknown create = %+v", o)
	}
	// the enum variable used in a column resolves to the module-level type
	c := m.Column(m.Upgrade.Ops[3], m.Upgrade.Ops[3].Arg("column"))
	if c == nil || c.Type.Var != "status_type" || c.Type.Enum == nil || !slices.Equal(c.Type.Enum.Values, []string{"draft", "published"}) {
		t.Errorf("status column = %+v", c)
	}
	if got := opNames(m.Downgrade); !slices.Equal(got, []string{"drop_column", EnumDrop, EnumDrop, EnumDrop}) {
		t.Fatalf("downgrade ops = %v", got)
	}
	check(m.Downgrade, []int{1, 2, 3}, down)
}
