package history

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pmap"
)

// Table is a table as known at one point of the history. Tables are values:
// a State never changes a Table it shares with another State, it replaces it.
type Table struct {
	Name string
	// Columns by name: a persistent map, so that a changed copy of a wide
	// table shares most of it with the original.
	Columns pmap.Map[*Column]
	// FKs may share their array with other copies of the table: a change
	// makes a new slice.
	FKs       []FK
	CreatedBy string // revision id
	// Opaque: created or altered by SQL we could not read; columns may be missing.
	Opaque bool
	// Uncertain: created or changed by a conditional operation.
	Uncertain bool
	// PartitionOf is the partitioned table this one is a partition of
	// (CREATE TABLE ... PARTITION OF): dropping that table drops this one.
	PartitionOf string
}

// Column returns a column by name, or nil.
func (t *Table) Column(name string) *Column {
	c, _ := t.Columns.Get(name)
	return c
}

// Column as known in the state.
type Column struct {
	Name      string
	Nullable  bool
	Known     bool               // nullability known
	Enum      string             // named native enum type used by the column ("" if none)
	Type      *migration.TypeRef // as last declared (create_table, add_column, alter_column type_); nil when unknown
	Uncertain bool
}

// FK is a foreign key of a table.
type FK struct {
	// Name is the name written, the naming convention's, or PostgreSQL's
	// default <table>_<col>_fkey; "" when not known (a custom token of the
	// convention, a name that is not a literal).
	Name     string
	Columns  []string
	RefTable string
}

// EnumType is a database enum type.
type EnumType struct {
	Name      string
	Values    []string // nil when created by SQL
	CreatedBy string
	// Uncertain: created by a conditional operation, or changed in a way not
	// followed (ALTER TYPE ... RENAME): it may not exist under this name.
	Uncertain bool
}

// State is the schema at one point: a mutable layer over an optional base.
// Layers let rules simulate a migration op by op without copying the whole schema.
type State struct {
	base    *State
	tables  map[string]*Table // nil value = dropped in this layer
	enums   map[string]*EnumType
	Unknown bool // some earlier operation had effects we could not read (unknown SQL or calls)
	// partitioned: some table is a partition (PARTITION OF): dropping a table
	// must look for its partitions
	partitioned bool
	index       *ownIndex // built on demand, dropped whenever this layer's tables change
	names       naming.Namer
}

// NewState is an empty schema.
func NewState() *State {
	return &State{tables: map[string]*Table{}, enums: map[string]*EnumType{}}
}

// WithNames sets how the constraints of this state (and of the layers on it)
// are named: the project's naming convention, on its dialect.
func (s *State) WithNames(n naming.Namer) *State {
	s.names = n
	return s
}

// Names is how constraints are named in this schema.
func (s *State) Names() naming.Namer { return s.names }

// Layer returns a new state on top of s; changes to it leave s untouched.
func (s *State) Layer() *State {
	return &State{base: s, tables: map[string]*Table{}, enums: map[string]*EnumType{}, Unknown: s.Unknown, names: s.names,
		partitioned: s.partitioned}
}

// Clone flattens s into an independent state.
func (s *State) Clone() *State {
	out := NewState()
	out.Unknown, out.names, out.partitioned = s.Unknown, s.names, s.partitioned
	s.each(func(t *Table) { out.tables[t.Name] = t }, func(e *EnumType) { out.enums[e.Name] = e })
	return out
}

func (s *State) each(table func(*Table), enum func(*EnumType)) {
	if table != nil {
		seen := map[string]bool{}
		for l := s; l != nil; l = l.base {
			for name, t := range l.tables {
				if !seen[name] {
					seen[name] = true
					if t != nil {
						table(t)
					}
				}
			}
		}
	}
	if enum != nil {
		seen := map[string]bool{}
		for l := s; l != nil; l = l.base {
			for name, e := range l.enums {
				if !seen[name] {
					seen[name] = true
					if e != nil {
						enum(e)
					}
				}
			}
		}
	}
}

// Changed lists the tables and enum types this layer (not its base) created,
// changed or dropped.
func (s *State) Changed() (tables, enums []string) {
	for name := range s.tables {
		tables = append(tables, name)
	}
	for name := range s.enums {
		enums = append(enums, name)
	}
	return tables, enums
}

// Table looks a table up.
func (s *State) Table(name string) *Table {
	for l := s; l != nil; l = l.base {
		if t, ok := l.tables[name]; ok {
			return t
		}
	}
	return nil
}

// Enum looks an enum type up.
func (s *State) Enum(name string) *EnumType {
	for l := s; l != nil; l = l.base {
		if e, ok := l.enums[name]; ok {
			return e
		}
	}
	return nil
}

// Tables returns every table.
func (s *State) Tables() []*Table {
	var out []*Table
	s.each(func(t *Table) { out = append(out, t) }, nil)
	return out
}

// Enums returns every enum type.
func (s *State) Enums() []*EnumType {
	var out []*EnumType
	s.each(nil, func(e *EnumType) { out = append(out, e) })
	return out
}

// EnumUsers lists "table.column" for every column using the enum type, sorted.
func (s *State) EnumUsers(enum string) []string {
	var out []string
	if s.base != nil {
		for _, u := range s.base.EnumUsers(enum) {
			table := u[:strings.LastIndexByte(u, '.')]
			if _, overridden := s.tables[table]; !overridden {
				out = append(out, u)
			}
		}
	}
	for u := range s.own().enumUsers[enum] {
		out = append(out, u)
	}
	slices.Sort(out)
	return out
}

// ReferencedBy lists the tables (other than table itself) with a foreign key to
// table, sorted.
func (s *State) ReferencedBy(table string) []string {
	var out []string
	if s.base != nil {
		for _, t := range s.base.ReferencedBy(table) {
			if _, overridden := s.tables[t]; !overridden {
				out = append(out, t)
			}
		}
	}
	for t := range s.own().references[table] {
		if t != table {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

// ownIndex maps enum types to the columns using them and tables to the tables
// referencing them, over the tables this layer holds itself. Rules ask these
// questions per operation; scanning every table each time made check
// quadratic. The index is kept up to date table by table (dirty).
type ownIndex struct {
	enumUsers  map[string]map[string]bool // enum -> "table.column"
	references map[string]map[string]bool // referenced table -> referencing tables
	contrib    map[string][]indexEntry    // table -> what it added
	dirty      map[string]bool            // tables changed since they were indexed
}

type indexEntry struct {
	byEnum     bool
	key, value string
}

func (s *State) own() *ownIndex {
	if s.index == nil {
		s.index = &ownIndex{enumUsers: map[string]map[string]bool{}, references: map[string]map[string]bool{},
			contrib: map[string][]indexEntry{}, dirty: map[string]bool{}}
		for name := range s.tables {
			s.index.dirty[name] = true
		}
	}
	idx := s.index
	for name := range idx.dirty {
		for _, e := range idx.contrib[name] {
			delete(idx.set(e), e.value)
		}
		delete(idx.contrib, name)
		if t := s.tables[name]; t != nil {
			idx.add(t)
		}
	}
	clear(idx.dirty)
	return idx
}

func (idx *ownIndex) set(e indexEntry) map[string]bool {
	m := idx.references
	if e.byEnum {
		m = idx.enumUsers
	}
	if m[e.key] == nil {
		m[e.key] = map[string]bool{}
	}
	return m[e.key]
}

func (idx *ownIndex) add(t *Table) {
	var entries []indexEntry
	for _, c := range t.Columns.All() {
		if c.Enum != "" {
			entries = append(entries, indexEntry{byEnum: true, key: c.Enum, value: t.Name + "." + c.Name})
		}
	}
	for _, fk := range t.FKs {
		entries = append(entries, indexEntry{key: fk.RefTable, value: t.Name})
	}
	for _, e := range entries {
		idx.set(e)[e.value] = true
	}
	idx.contrib[t.Name] = entries
}

func (s *State) putTable(t *Table) {
	s.partitioned = s.partitioned || t.PartitionOf != ""
	s.setTable(t.Name, t)
}

// setTable is the only writer of s.tables (nil drops the table), so the index
// knows which tables to look at again.
func (s *State) setTable(name string, t *Table) {
	s.tables[name] = t
	if s.index != nil {
		s.index.dirty[name] = true
	}
}

// editTable returns a private copy of a table for changing, or nil. The copy
// shares its columns and foreign keys with the original: change them by
// replacing them (Columns.Set, a new FKs slice), never in place.
func (s *State) editTable(name string) *Table {
	t := s.Table(name)
	if t == nil {
		return nil
	}
	c := *t
	s.setTable(name, &c)
	return &c
}

// TableKey is how tables are keyed: "schema.table" when a literal schema is given
// (create_foreign_key calls it source_schema).
func TableKey(o *migration.Op, table string) string {
	for _, name := range []string{"schema", "source_schema"} {
		if schema, ok := o.ArgString(name); ok && schema != "" {
			return schema + "." + table
		}
	}
	return table
}

// Apply changes the state as running the operation would. rev is the revision
// the operation belongs to.
func (s *State) Apply(m *migration.Migration, o *migration.Op, rev string) {
	// the replay serves every dialect: an op that runs on some only is not certain
	uncertain := !o.Certain() || o.OnlyDialect != "" || len(o.SkipDialects) > 0
	table, hasTable := o.Table()
	key := TableKey(o, table)
	switch o.Name {
	case "create_table":
		ct := m.CreateTable(o)
		if ct == nil {
			s.Unknown = true
			return
		}
		t := &Table{Name: key, CreatedBy: rev, Uncertain: uncertain}
		for _, c := range ct.Columns {
			t.Columns = t.Columns.Set(c.Name, columnState(c, uncertain))
			if en := EnumOf(c.Type); en != nil && en.CreateType && en.Name != "" && s.Enum(en.Name) == nil {
				s.enums[en.Name] = &EnumType{Name: en.Name, Values: en.Values, CreatedBy: rev, Uncertain: uncertain}
			}
		}
		for _, fk := range ct.InlineForeignKeys() {
			t.FKs = append(t.FKs, s.fkState(o, table, fk))
		}
		s.putTable(t)
	case "drop_table":
		if hasTable {
			s.dropTable(key)
		}
	case "rename_table":
		newName, ok := o.ArgString("new_table_name")
		if t := s.Table(key); t != nil && ok {
			s.renameTable(t, TableKey(o, newName))
		}
	case "add_column":
		c := m.Column(o, o.Arg("column"))
		if t := s.editTable(key); t != nil && c != nil && c.NameKnown {
			t.Columns = t.Columns.Set(c.Name, columnState(c, uncertain))
			for _, fk := range c.ForeignKeys {
				t.FKs = append(slices.Clip(t.FKs), s.fkState(o, table, fk))
			}
		}
	case "drop_column":
		if name, ok := o.ArgString("column_name"); ok {
			if t := s.editTable(key); t != nil {
				t.Columns = t.Columns.Delete(name)
				t.FKs = dropFKs(t.FKs, func(fk FK) bool { return slices.Contains(fk.Columns, name) })
			}
		}
	case "alter_column":
		s.alterColumn(m, o, key, uncertain)
	case "create_foreign_key":
		ref, _ := o.ArgString("referent_table")
		cols, _ := o.Arg("local_cols").Strings()
		res, literal := NameOf(s.names, m, o)
		if t := s.editTable(key); t != nil {
			t.FKs = append(slices.Clip(t.FKs), FK{Name: fkName(res, literal, table, cols), Columns: cols, RefTable: ref})
		}
	case "drop_constraint":
		res, _ := NameOf(s.names, m, o)
		name, ok := res.Name, res.Known
		if t := s.editTable(key); t != nil && ok {
			t.FKs = dropFKs(t.FKs, func(fk FK) bool { return fk.Name == name })
		}
	case migration.EnumCreate:
		if en := EnumOf(m.Type(o, o.Target)); en != nil && en.Name != "" && s.Enum(en.Name) == nil {
			s.enums[en.Name] = &EnumType{Name: en.Name, Values: en.Values, CreatedBy: rev, Uncertain: uncertain}
		}
	case migration.EnumDrop:
		if en := EnumOf(m.Type(o, o.Target)); en != nil && en.Name != "" {
			s.enums[en.Name] = nil
		}
	case "execute", migration.BindExecute:
		s.applySQL(o.SQL, rev, uncertain)
	case migration.UnknownCall:
		s.Unknown = true
	}
}

func (s *State) alterColumn(m *migration.Migration, o *migration.Op, key string, uncertain bool) {
	name, ok := o.ArgString("column_name")
	t := s.editTable(key)
	if !ok || t == nil {
		return
	}
	col := t.Column(name)
	if col == nil {
		col = &Column{Name: name}
	} else {
		c := *col
		col = &c
	}
	if v := o.Arg("nullable"); v != nil {
		col.Nullable, col.Known = v.BoolValue()
	}
	if ty := o.Arg("type_"); ty != nil {
		col.Enum = ""
		col.Type = m.Type(o, ty)
		if en := EnumOf(col.Type); en != nil {
			col.Enum = en.Name
		}
	}
	col.Uncertain = col.Uncertain || uncertain
	if newName, ok := o.ArgString("new_column_name"); ok {
		t.Columns = t.Columns.Delete(name)
		col.Name = newName
		t.FKs = slices.Clone(t.FKs)
		for i, fk := range t.FKs {
			if slices.Contains(fk.Columns, name) {
				cols := slices.Clone(fk.Columns) // shared with the table this one was copied from
				for j, c := range cols {
					if c == name {
						cols[j] = newName
					}
				}
				t.FKs[i].Columns = cols
			}
		}
	}
	t.Columns = t.Columns.Set(col.Name, col)
}

func (s *State) applySQL(sql *migration.SQL, rev string, uncertain bool) {
	if sql == nil || !sql.Known {
		s.Unknown = true
		return
	}
	for _, st := range sql.Statements {
		switch st.Kind {
		case migration.SQLCreateType:
			s.enums[st.Object] = &EnumType{Name: st.Object, CreatedBy: rev, Uncertain: uncertain}
		case migration.SQLDropType:
			s.enums[st.Object] = nil
		case migration.SQLAlterTypeAdd:
			if e := s.Enum(st.Object); e != nil {
				c := *e
				c.Values = append(append([]string(nil), e.Values...), st.Value)
				s.enums[st.Object] = &c
			}
		case migration.SQLAlterType:
			e := s.Enum(st.Object)
			switch {
			case e == nil:
			case st.NewName != "":
				s.renameEnum(e, st.NewName)
			default: // RENAME VALUE, ...: we stop trusting what we know of the type
				c := *e
				c.Uncertain = true
				s.enums[st.Object] = &c
			}
		case migration.SQLCreateTable:
			if st.Temporary {
				continue // gone at the end of the session
			}
			s.putTable(&Table{Name: st.Table, CreatedBy: rev, Opaque: true, Uncertain: uncertain, PartitionOf: st.Parent})
		case migration.SQLDropTable:
			s.dropTable(st.Table)
		case migration.SQLAlterTable:
			if t := s.Table(st.Table); t != nil && st.NewName != "" {
				s.renameTable(t, st.NewName)
			} else if t := s.editTable(st.Table); t != nil {
				t.Opaque = true
				for name, typ := range st.ColumnTypes {
					if col := t.Column(name); col != nil {
						changed := *col
						changed.Type, changed.Enum = nil, ""
						if s.Enum(typ) != nil {
							changed.Enum = typ
						}
						t.Columns = t.Columns.Set(name, &changed)
					}
				}
			}
		case migration.SQLOther:
			s.Unknown = true
		}
	}
}

// renameTable moves a table to a new name, with the foreign keys pointing at it.
func (s *State) renameTable(t *Table, to string) {
	c := *t
	c.Name = to
	s.setTable(t.Name, nil)
	s.putTable(&c)
	s.renameReferences(t.Name, to)
}

// renameEnum moves an enum type to a new name, with the columns using it.
func (s *State) renameEnum(e *EnumType, to string) {
	c := *e
	c.Name = to
	s.enums[e.Name] = nil
	s.enums[to] = &c
	for _, t := range s.Tables() {
		for name, col := range t.Columns.All() {
			if col.Enum == e.Name {
				edited := s.editTable(t.Name)
				moved := *col
				moved.Enum = to
				edited.Columns = edited.Columns.Set(name, &moved)
			}
		}
	}
}

func (s *State) renameReferences(from, to string) {
	for _, t := range s.Tables() {
		for _, fk := range t.FKs {
			if fk.RefTable == from {
				e := s.editTable(t.Name)
				e.FKs = slices.Clone(e.FKs)
				for i := range e.FKs {
					if e.FKs[i].RefTable == from {
						e.FKs[i].RefTable = to
					}
				}
				break
			}
		}
	}
}

func columnState(c *migration.Column, uncertain bool) *Column {
	col := &Column{Name: c.Name, Type: c.Type, Uncertain: uncertain}
	col.Nullable, col.Known = c.Nullable()
	if en := EnumOf(c.Type); en != nil {
		col.Enum = en.Name
	}
	return col
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

// fkState: table is the bare table name (PostgreSQL's default names carry no schema).
func (s *State) fkState(o *migration.Op, table string, fk migration.ForeignKey) FK {
	return FK{Name: foreignKeyName(s.names, table, schemaOf(o), fk), Columns: fk.Columns, RefTable: fk.RefTable}
}

// dropTable drops a table and its partitions.
func (s *State) dropTable(key string) {
	dropped := s.Table(key)
	s.setTable(key, nil)
	if dropped == nil || !s.partitioned {
		return
	}
	for _, t := range s.Tables() {
		if t.PartitionOf != "" && (t.PartitionOf == key || t.PartitionOf == dropped.Name || strings.HasSuffix(key, "."+t.PartitionOf)) {
			s.dropTable(t.Name)
		}
	}
}

// DefaultFKName is the name PostgreSQL gives an unnamed foreign key.
func DefaultFKName(table string, cols []string) string {
	name := table
	for _, c := range cols {
		name += "_" + c
	}
	return fmt.Sprintf("%s_fkey", name)
}

// dropFKs returns the foreign keys without those drop selects: fks itself when
// it selects none, else a new slice (fks may be shared with other tables).
func dropFKs(fks []FK, drop func(FK) bool) []FK {
	if !slices.ContainsFunc(fks, drop) {
		return fks
	}
	return slices.DeleteFunc(slices.Clone(fks), drop)
}
