package history

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
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
	// fks are the foreign keys by number (fkKey), persistent like Columns;
	// nextFK numbers the next one.
	fks    pmap.Map[FK]
	nextFK int
	// indexes by name (unnamed ones under keys no name takes, numbered by
	// nextIndex); indexesKnown: every index is in it (see Indexes).
	indexes      pmap.Map[Index]
	nextIndex    int
	indexesKnown bool
	CreatedBy    string // revision id
	// Opaque: created or altered by SQL we could not read; columns may be missing.
	Opaque bool
	// Uncertain: created or changed by a conditional operation.
	Uncertain bool
	// FKsDoubtful: a foreign key was dropped by a name none of fks has (a
	// name the database chose, such as MySQL's <table>_ibfk_<n>): one of them
	// may be gone.
	FKsDoubtful bool
	// Uniques are column sets known unique (primary key, unique constraints
	// and indexes), as created: a drop by name is not followed.
	Uniques [][]string
	// PartitionOf is the partitioned table this one is a partition of
	// (CREATE TABLE ... PARTITION OF): dropping that table drops this one.
	PartitionOf string
}

// FKs returns the foreign keys, in the order they were made.
func (t *Table) FKs() []FK {
	keys := make([]string, 0, t.fks.Len())
	for k := range t.fks.All() {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]FK, len(keys))
	for i, k := range keys {
		out[i], _ = t.fks.Get(k)
	}
	return out
}

// fkKey numbers foreign keys so that their keys sort in that order.
func fkKey(n int) string { return fmt.Sprintf("%016x", n) }

// Column returns a column by name, or nil.
func (t *Table) Column(name string) *Column {
	c, _ := t.Columns.Get(name)
	return c
}

// Column as known in the state.
type Column struct {
	Name     string
	Nullable bool
	Known    bool   // nullability known
	Enum     string // named native enum type used by the column ("" if none)
	// Type is as last declared (create_table, add_column, alter_column type_);
	// nil when unknown. In a state kept for later checks (Compact) its Expr
	// has only its text, kind, name, spans and keyword arguments.
	Type *migration.TypeRef
	// SQLType is the ADD COLUMN or ALTER COLUMN ... TYPE of raw SQL that gave
	// the column its type last (Type is then nil).
	SQLType *migration.TableAction
	// Generated: computed from an expression (sa.Computed), no values of its own.
	Generated bool
	// PrimaryKey: part of a primary key, declared by create_table or added
	// since (never NULL).
	PrimaryKey bool
	Uncertain  bool
	// Fill is what the migrations did to the rows of the nullable column
	// that leaves NULL in them at most in those the application wrote since.
	Fill Fill
	// Default is the constant server default the column was given last,
	// as written, while the column keeps the type it had then: PostgreSQL
	// stores the constant with that type ("'1'::character varying"). It is
	// "" when none is known: none given, dropped, an expression (its own
	// type is not known), or the column's type changed since (the default
	// then carries a cast, and PostgreSQL converts what is under it).
	Default string
}

// FK is a foreign key of a table.
type FK struct {
	// Name is the name written, the naming convention's, or PostgreSQL's
	// default <table>_<col>_fkey; "" when not known (a custom token of the
	// convention, a name that is not a literal).
	Name     string
	Columns  []string
	RefTable string
	// RefSchema is the schema the key's target names ("" when none)
	RefSchema string
	// RefColumns are the columns of RefTable it references (nil when not known)
	RefColumns []string
	OnDelete   string // as migration.ForeignKey's
}

// EnumType is a database enum type.
type EnumType struct {
	Name string
	// created are the values the type was created with (nil when created by
	// SQL); added, newest first, those ADD VALUE appended: a list shared with
	// the earlier versions of the type, where copying the values for each
	// ADD VALUE was quadratic.
	created   []string
	added     *addedValue
	CreatedBy string
	// ByCreateTable: created by a create_table (the CREATE TYPE SQLAlchemy
	// issues for a column's type), which a later create_table of the same
	// alembic run skips: SQLAlchemy creates each type once per run.
	ByCreateTable bool
	// Uncertain: created by a conditional operation, or changed in a way not
	// followed (ALTER TYPE ... RENAME): it may not exist under this name.
	Uncertain bool
}

type addedValue struct {
	value  string
	before *addedValue
}

// Values are the type's values in order; nil when it was created by SQL and
// no value was added.
func (e *EnumType) Values() []string {
	var added []string
	for a := e.added; a != nil; a = a.before {
		added = append(added, a.value)
	}
	if added == nil {
		return e.created
	}
	slices.Reverse(added)
	return append(slices.Clip(e.created), added...)
}

// State is the schema at one point. Its maps are persistent (package pmap):
// Layer and Clone are O(1) copies that share everything with the original
// until changed, so rules can keep the state before every operation of a
// revision, and look anything up in it in O(log n), however long the
// revision.
type State struct {
	// tables by key; on a state made by Stored, the tables changed since
	// (nil: dropped), the others being in stored.
	tables pmap.Map[*Table]
	stored *storedTables
	enums  pmap.Map[*EnumType]
	views  pmap.Map[*View]
	// enumUsers maps an enum type to the "table.column" using it; referencedBy
	// maps a table to the tables with foreign keys to it (and how many). Rules
	// ask these per operation: they are kept up to date with every change.
	enumUsers, referencedBy pmap.Map[pmap.Map[int]]
	// changed are the tables and enum types changed since Layer (nil: none)
	changed *changes
	Unknown bool // some earlier operation had effects we could not read (unknown SQL or calls)
	// blind is where Unknown was set, on the path this state came by
	blind *Blind
	// partitioned: some table is a partition (PARTITION OF): dropping a table
	// must look for its partitions
	partitioned bool
	names       naming.Namer
	// dialects are those the state is replayed for (see Graph.Dialects).
	dialects []string
	// unseen are the tables (by key; "" for a name not known) that a column
	// was added to or renamed in while the state did not know them (a table
	// of another branch, made before the first revision, or named by a
	// variable): such a table may have columns the state does not show.
	unseen pmap.Map[bool]
	// outside: an operation changed a named table the state did not know (see
	// ChangedUnseenTables)
	outside bool
	// untrackedIndexes are the names of the indexes created on tables the
	// state does not know ("" for a name not known): see MayHaveIndex.
	untrackedIndexes pmap.Map[bool]
	// unnamedViews: a view was made or dropped under a name not known (see
	// MayBeView)
	unnamedViews bool
	// sequences are those CREATE SEQUENCE certainly made and nothing may
	// have dropped since, with the revision that made each: see
	// SequenceMadeBy.
	sequences pmap.Map[string]
}

// Blind is where a replay stopped knowing the schema: the first operation
// (or revision) whose effects it could not read, on the path the state came
// by. Rules that read the schema stay quiet above it, and the user is told
// where (check's notes).
type Blind struct {
	Path string // the revision file
	Line int    // of the operation; 0 when the whole revision is the cause
	Code string // the operation's call, as written ("" with Line 0)
	Why  string // what the tool could not read, e.g. "SQL built at run time"
}

// UnknownSince is where the state became Unknown: nil when it is not.
func (s *State) UnknownSince() *Blind {
	if !s.Unknown {
		return nil
	}
	return s.blind
}

// goBlind makes the state Unknown from b on, unless it was already.
func (s *State) goBlind(b *Blind) {
	if !s.Unknown {
		s.Unknown, s.blind = true, b
	}
}

// blindAt makes the state Unknown at an operation whose effects were not
// read, unless it was already.
func (s *State) blindAt(m *migration.Migration, o *migration.Op) {
	if s.Unknown {
		return
	}
	b := &Blind{Path: m.Path, Why: "a call the tool cannot follow"}
	switch {
	case o == nil:
	case o.SQL != nil && !o.SQL.Known:
		b.Why = "SQL the tool cannot read"
	case o.SQL != nil:
		b.Why = "a SQL statement the tool does not follow"
	case o.Name == "create_table":
		b.Why = "a table the tool cannot read"
	}
	if o != nil && o.Call != nil {
		b.Line = int(o.Call.Span.StartLine)
		b.Code = o.Call.Text
	}
	s.goBlind(b)
}

// MayHaveUnseenColumns reports whether the table may have columns the state
// does not show (see unseen).
func (s *State) MayHaveUnseenColumns(key string) bool {
	_, named := s.unseen.Get(key)
	_, anonymous := s.unseen.Get("")
	return named || anonymous
}

// ChangedUnseenTables reports whether an operation so far changed a named
// table the state did not know (its columns, constraints or indexes, or the
// table itself): the history runs on tables made outside it (create_all, a
// dump), which come with their enum types.
func (s *State) ChangedUnseenTables() bool { return s.outside }

// changesUnseenTable reports whether effect e changes a named table s does not
// know (nor a view of that name). Rows are not counted: a temporary table
// holds them too.
func changesUnseenTable(s *State, e effect.Effect) bool {
	switch {
	case e.Unreadable || e.Table == "" || e.IfExists || e.Temporary:
		return false
	case e.Object == effect.Table && e.Change == effect.Create, e.Object != effect.Table && e.Object != effect.Column &&
		e.Object != effect.Constraint && e.Object != effect.Index:
		return false
	}
	return s.Table(e.Key()) == nil && s.View(e.Key()) == nil
}

// columnUnseen follows an effect on a table the state does not know: a
// column added or renamed there makes it one with columns not shown.
func (s *State) columnUnseen(e effect.Effect, key string) {
	if e.Object == effect.Column && (e.Change == effect.Create || e.Change == effect.Rename) {
		s.unseen = s.unseen.Set(key, true)
	}
}

type changes struct{ tables, enums map[string]bool }

// NewState is an empty schema.
func NewState() *State { return &State{} }

// WithNames sets how the constraints of this state (and of the layers on it)
// are named: the project's naming convention, on its dialect.
func (s *State) WithNames(n naming.Namer) *State {
	s.names = n
	return s
}

// runs reports whether the tests of the dialect name around an operation
// let it run on every dialect the state is replayed for, or on none of them.
func (s *State) runs(o *migration.Op) (all, none bool) {
	if o.OnlyDialect == "" && len(o.SkipDialects) == 0 {
		return true, false
	}
	if len(s.dialects) == 0 {
		return false, false // any dialect: some are kept from it
	}
	all, none = true, true
	for _, d := range s.dialects {
		runs := o.RunsOn(d)
		all, none = all && runs, none && !runs
	}
	return all, none
}

// For sets the dialects the state (and the layers on it) is replayed for.
func (s *State) For(dialects []string) *State {
	s.dialects = dialects
	return s
}

// Names is how constraints are named in this schema.
func (s *State) Names() naming.Namer { return s.names }

// Layer returns a copy of s whose Changed lists what changes on it; changes
// to it leave s untouched.
func (s *State) Layer() *State {
	c := *s
	c.changed = nil
	return &c
}

// Clone returns an independent copy of s.
func (s *State) Clone() *State { return s.Layer() }

func (s *State) each(table func(*Table), enum func(*EnumType)) {
	if table != nil {
		s.eachTable(func(_ string, t *Table) { table(t) })
	}
	if enum != nil {
		for _, e := range s.enums.All() {
			enum(e)
		}
	}
}

// Changed lists the tables and enum types created, changed or dropped since
// the state was made by Layer, sorted.
func (s *State) Changed() (tables, enums []string) {
	if s.changed == nil {
		return nil, nil
	}
	return sortedKeys(s.changed.tables), sortedKeys(s.changed.enums)
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	return slices.Sorted(maps.Keys(m))
}

func (s *State) noteChange(table, enum string) {
	if s.changed == nil {
		s.changed = &changes{tables: map[string]bool{}, enums: map[string]bool{}}
	}
	if table != "" {
		s.changed.tables[table] = true
	}
	if enum != "" {
		s.changed.enums[enum] = true
	}
}

// Table looks a table up.
func (s *State) Table(name string) *Table {
	if t, ok := s.tables.Get(name); ok {
		return t
	}
	return s.stored.table(name)
}

// Enum looks an enum type up.
func (s *State) Enum(name string) *EnumType {
	e, _ := s.enums.Get(name)
	return e
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
	users, _ := s.enumUsers.Get(enum)
	out := sortedSet(users, "")
	for i, u := range out {
		out[i] = strings.Replace(u, "\x00", ".", 1)
	}
	return out
}

// EnumUsersChanged lists the enum types whose users may differ between s and
// other (it may list some whose users are the same), in time proportional to
// the difference: the states around one operation share nearly everything.
func (s *State) EnumUsersChanged(other *State) []string {
	var out []string
	pmap.Diff(s.enumUsers, other.enumUsers, func(name string) { out = append(out, name) })
	return out
}

// ReferencedBy lists the tables (other than table itself) with a foreign key to
// table, sorted.
func (s *State) ReferencedBy(table string) []string {
	refs, _ := s.referencedBy.Get(table)
	return sortedSet(refs, table)
}

func sortedSet(set pmap.Map[int], except string) []string {
	var out []string
	for k := range set.All() {
		if k != except {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// count adds delta to index[key][value], dropping what falls to zero.
func count(index pmap.Map[pmap.Map[int]], key, value string, delta int) pmap.Map[pmap.Map[int]] {
	set, _ := index.Get(key)
	n, _ := set.Get(value)
	if n += delta; n == 0 {
		set = set.Delete(value)
	} else {
		set = set.Set(value, n)
	}
	if set.Len() == 0 {
		return index.Delete(key)
	}
	return index.Set(key, set)
}

// indexColumn counts a column in (delta 1) or out of (-1) the enum index,
// as table NUL column (names may hold dots).
func (s *State) indexColumn(table string, c *Column, delta int) {
	if c != nil && c.Enum != "" {
		s.enumUsers = count(s.enumUsers, c.Enum, table+"\x00"+c.Name, delta)
	}
}

// indexFK counts a foreign key in (delta 1) or out of (-1) the reference index.
func (s *State) indexFK(table string, fk FK, delta int) {
	s.referencedBy = count(s.referencedBy, fk.RefTable, table, delta)
}

// setTable is the only writer of s.tables (nil drops the table): it keeps the
// indexes up to date, in time proportional to the tables' sizes.
func (s *State) setTable(name string, t *Table) {
	if old := s.Table(name); old != nil {
		for _, c := range old.Columns.All() {
			s.indexColumn(name, c, -1)
		}
		for _, fk := range old.fks.All() {
			s.indexFK(name, fk, -1)
		}
	}
	s.noteChange(name, "")
	if t == nil {
		if s.stored.has(name) {
			s.tables = s.tables.Set(name, nil) // shadows the stored table
		} else {
			s.tables = s.tables.Delete(name)
		}
		return
	}
	for _, c := range t.Columns.All() {
		s.indexColumn(name, c, 1)
	}
	for _, fk := range t.fks.All() {
		s.indexFK(name, fk, 1)
	}
	s.partitioned = s.partitioned || t.PartitionOf != ""
	s.tables = s.tables.Set(name, t)
}

// editTable returns a private copy of a table for changing, or nil. The copy
// shares its columns and foreign keys with the original: change them with
// setColumn, dropColumn, addFK, dropFKs and setFK, never in place.
func (s *State) editTable(name string) *Table {
	t := s.Table(name)
	if t == nil {
		return nil
	}
	c := *t
	s.tables = s.tables.Set(name, &c)
	s.noteChange(name, "")
	return &c
}

// setColumn adds or replaces a column of a table from editTable.
func (s *State) setColumn(t *Table, c *Column) {
	s.indexColumn(t.Name, t.Column(c.Name), -1)
	s.indexColumn(t.Name, c, 1)
	t.Columns = t.Columns.Set(c.Name, c)
}

// columnDropped follows drop_column or DROP COLUMN on a table from
// editTable: the column goes with its foreign keys and (see dropIndexColumn)
// its indexes.
func (s *State) columnDropped(t *Table, name string) {
	s.dropColumn(t, name)
	s.dropFKs(t, func(fk FK) bool { return slices.Contains(fk.Columns, name) })
	s.dropIndexColumn(t, name)
}

// dropColumn removes a column of a table from editTable.
func (s *State) dropColumn(t *Table, name string) {
	s.indexColumn(t.Name, t.Column(name), -1)
	t.Columns = t.Columns.Delete(name)
}

// addFK adds a foreign key to a table from editTable.
func (s *State) addFK(t *Table, fk FK) {
	s.indexFK(t.Name, fk, 1)
	t.fks = t.fks.Set(fkKey(t.nextFK), fk)
	t.nextFK++
}

// dropFKs drops the foreign keys drop selects from a table from editTable.
func (s *State) dropFKs(t *Table, drop func(FK) bool) {
	for k, fk := range t.fks.All() {
		if drop(fk) {
			s.indexFK(t.Name, fk, -1)
			t.fks = t.fks.Delete(k)
		}
	}
}

// changeFKs replaces, in a table from editTable, the foreign keys change
// returns changed.
func (s *State) changeFKs(t *Table, change func(FK) (FK, bool)) {
	for k, fk := range t.fks.All() {
		if c, changed := change(fk); changed {
			s.indexFK(t.Name, fk, -1)
			s.indexFK(t.Name, c, 1)
			t.fks = t.fks.Set(k, c)
		}
	}
}

// setEnum is the only writer of s.enums (nil drops the type).
func (s *State) setEnum(name string, e *EnumType) {
	s.noteChange("", name)
	if e == nil {
		s.enums = s.enums.Delete(name)
		return
	}
	s.enums = s.enums.Set(name, e)
}

// Apply changes the state as running the operation would. rev is the revision
// the operation belongs to. It returns the operation's effects, which it followed.
func (s *State) Apply(m *migration.Migration, o *migration.Op, rev string) []effect.Effect {
	runsOnAll, runsOnNone := s.runs(o)
	if runsOnNone {
		return nil // a test of the dialect name keeps it from every dialect replayed for
	}
	// the replay serves every dialect replayed for: an op that runs on some
	// of them only is not certain
	uncertain := !runsOnAll || o.Unbound || o.Conditional && !o.ByDialect
	effects := effect.Of(s.names, m, o)
	for _, e := range effects {
		s.outside = s.outside || changesUnseenTable(s, e)
		if e.BySQL() {
			s.applySQL(m, e, rev, uncertain)
		} else {
			s.apply(m, e, rev, uncertain)
		}
	}
	return effects
}

// apply follows one effect of an op call.
func (s *State) apply(m *migration.Migration, e effect.Effect, rev string, uncertain bool) {
	o, key := e.Op, e.Key()
	switch {
	case e.Object == effect.Anything:
		s.blindAt(m, o)
	case e.Object == effect.Index || e.Object == effect.Constraint:
		s.applyConstraint(m, e, uncertain)
		s.applyIndex(e, uncertain)
	case e.Object == effect.Sequence:
		s.applySequence(e, rev, uncertain)
	case e.Unreadable:
		s.columnUnseen(e, key) // "" when the table's name is not known either
	case e.Object == effect.Table && e.Change == effect.Create:
		t := &Table{Name: key, CreatedBy: rev, Uncertain: uncertain}
		for _, c := range e.TableDef.Columns {
			col := columnState(c, uncertain)
			if col.Nullable {
				col.Fill = createdFill(c, rev, uncertain)
			}
			t.Columns = t.Columns.Set(c.Name, col)
		}
		t.Uniques = createdUniques(e.TableDef)
		for _, fk := range e.TableDef.InlineForeignKeys() {
			// two unnamed keys on the same columns in one CREATE TABLE (a
			// later create_foreign_key of a taken name is left as it was:
			// replayed after a revision that fails, it is not what ran)
			k := s.fkState(o, e.Table, fk)
			k.Name = unusedFKName(t, k)
			t.fks = t.fks.Set(fkKey(t.nextFK), k)
			t.nextFK++
		}
		s.createdIndexes(t, o, e.TableDef, e.TableDef.InlineForeignKeys())
		t.indexesKnown = t.indexesKnown && !uncertain
		s.setTable(key, t)
	case e.Object == effect.Table && e.Change == effect.Drop:
		s.dropTable(key)
	case e.Object == effect.Table && e.Change == effect.Rename:
		if t := s.Table(key); t != nil {
			s.renameTable(t, e.ToKey())
		} else if s.View(key) != nil { // ALTER TABLE renames views too
			s.renameView(key, e.ToKey())
		}
	case e.Object == effect.Column && e.Change == effect.Create:
		if t := s.editTable(key); t == nil {
			s.columnUnseen(e, key)
		} else {
			col := columnState(e.ColumnDef, uncertain)
			col.Fill = addedFill(e.ColumnDef, rev, uncertain)
			s.setColumn(t, col)
			s.columnIndexes(t, o, e.Table, e.ColumnDef, nil)
			if unique, _ := e.ColumnDef.Expr.Keyword("unique").BoolValue(); unique && !uncertain {
				t.Uniques = append(slices.Clip(t.Uniques), []string{col.Name}) // asterisk's unique=True column
			}
			for _, fk := range e.ColumnDef.ForeignKeys {
				s.addFK(t, s.fkState(o, e.Table, fk))
				t.coverFK(fk.Columns, fk.Name != "", s.fkState(o, e.Table, fk).Name)
			}
		}
	case e.Object == effect.Column && e.Change == effect.Drop:
		if t := s.editTable(key); t != nil {
			s.columnDropped(t, e.Name)
		}
	case e.Object == effect.Column || e.Object == effect.Comment && e.Name != "":
		s.alterColumn(m, e, rev, uncertain)
	case e.Object == effect.Rows:
		s.applyRows(e, rev, uncertain)
	case e.Object == effect.Type && e.Change == effect.Create:
		if s.Enum(e.Name) == nil {
			s.setEnum(e.Name, &EnumType{Name: e.Name, created: e.Values, CreatedBy: rev, Uncertain: uncertain,
				ByCreateTable: e.Implicit && e.Op != nil && e.Op.Name == "create_table"})
		}
	case e.Object == effect.Type && e.Change == effect.Drop:
		s.setEnum(e.Name, nil)
	case e.Object == effect.Type && e.Change == effect.Alter:
		s.doubtEnum(e.Name)
	}
}

// sqlTableName is the table a SQL statement names: PostgreSQL's parser folds
// an unquoted name to lower case, which MySQL and SQLite do not do, so on a
// state replayed for them only, a name with no table of its own is the one
// table of the same name but for case (zaqar's 'drop table PoolGroup' drops
// the table create_table("PoolGroup") made).
func (s *State) sqlTableName(name string) string {
	if name == "" || s.Table(name) != nil || len(s.dialects) == 0 || slices.Contains(s.dialects, "postgresql") {
		return name
	}
	if same := s.TablesButForCase(name); len(same) == 1 { // two: which is meant is not known
		return same[0]
	}
	return name
}

// TablesButForCase are the known tables whose names match name but for case.
func (s *State) TablesButForCase(name string) []string {
	var out []string
	s.eachTable(func(_ string, t *Table) {
		if strings.EqualFold(t.Name, name) {
			out = append(out, t.Name)
		}
	})
	return out
}

// doubtEnum stops trusting what the state knows of an enum type (its
// labels, who made it) after a change it does not follow.
func (s *State) doubtEnum(name string) {
	if en := s.Enum(name); en != nil {
		c := *en
		c.Uncertain = true
		s.setEnum(name, &c)
	}
}

// applyConstraint follows the creation or drop of an index or constraint by
// an op call: foreign keys and the column sets made unique.
func (s *State) applyConstraint(m *migration.Migration, e effect.Effect, uncertain bool) {
	o, key := e.Op, e.Key()
	switch {
	case e.Object == effect.Constraint && e.Change == effect.Create && e.ConstraintType == "foreignkey":
		ref, _ := o.ArgString("referent_table")
		refSchema, _ := o.ArgString("referent_schema")
		cols, _ := o.Arg("local_cols").Strings()
		refCols, _ := o.Arg("remote_cols").Strings()
		onDelete, _ := o.ArgString("ondelete")
		res, literal := effect.NameOf(s.names, m, o)
		if t := s.editTable(key); t != nil {
			s.addFK(t, FK{Name: fkName(res, literal, e.Table, cols), Columns: cols, RefTable: ref, RefSchema: refSchema, RefColumns: refCols,
				OnDelete: strings.ToUpper(onDelete)})
		}
	case e.Object == effect.Constraint && e.Change == effect.Create && e.ConstraintType == "primary":
		cols, _ := o.Arg("columns").Strings()
		if t := s.editTable(key); t != nil && !uncertain {
			s.primaryKey(t, cols)
			if len(cols) > 0 {
				t.Uniques = append(slices.Clip(t.Uniques), cols)
			}
		}
	case e.Object == effect.Constraint && e.Change == effect.Create && e.ConstraintType == "unique", e.Object == effect.Index && e.Change == effect.Create:
		cols, ok := o.Arg("columns").Strings()
		unique, _ := o.Arg("unique").BoolValue()
		if ok && len(cols) > 0 && (unique || e.Object == effect.Constraint) && !uncertain {
			if t := s.editTable(key); t != nil {
				t.Uniques = append(slices.Clip(t.Uniques), cols)
			}
		}
	case e.Object == effect.Constraint && e.Change == effect.Drop && key == "":
		s.doubtForeignKeys()
	case e.Object == effect.Constraint && e.Change == effect.Drop:
		if t := s.editTable(key); t != nil {
			n := t.fks.Len()
			if e.Name != "" {
				s.dropFKs(t, func(fk FK) bool { return fk.Name == e.Name })
			}
			if (e.ConstraintType == "foreignkey" || e.ConstraintType == "") && t.fks.Len() == n && n > 0 {
				t.FKsDoubtful = true
			}
		}
	}
}

// doubtForeignKeys follows a constraint dropped from a table whose name is
// not known: any foreign key may be gone.
func (s *State) doubtForeignKeys() {
	for _, t := range s.Tables() {
		if t.fks.Len() > 0 && !t.FKsDoubtful {
			s.editTable(t.Name).FKsDoubtful = true
		}
	}
}

// alterColumn follows one change alter_column makes to a column (the
// column is added to the table when the state does not know it).
func (s *State) alterColumn(m *migration.Migration, e effect.Effect, rev string, uncertain bool) {
	o := e.Op
	t := s.editTable(e.Key())
	if t == nil {
		s.columnUnseen(e, e.Key())
		return
	}
	was := t.Column(e.Name)
	col := &Column{Name: e.Name}
	if was != nil {
		c := *was
		col = &c
	}
	switch e.Aspect {
	case "nullable":
		col.Nullable, col.Known = o.Arg("nullable").BoolValue()
		if col.Nullable && was != nil {
			col.Fill = nullableAgain(was, rev)
		}
	case "type":
		col.Enum, col.SQLType, col.Default = "", nil, ""
		col.Type = m.Type(o, o.Arg("type_"))
		if en := effect.EnumOf(col.Type); en != nil {
			col.Enum = en.Name
		}
	case "default":
		col.Default = migration.ConstantDefault(o.Arg("server_default"))
	}
	// what MODIFY/CHANGE is not told is written NULL (without a type, Alembic
	// raises before it runs anything)
	typed := o.Arg("type_") != nil || o.Arg("existing_type") != nil
	if s.onMySQLOnly() && o.RestatesOnMySQL() && typed && o.Arg("nullable") == nil && o.Arg("existing_nullable") == nil && !col.PrimaryKey {
		col.Nullable, col.Known = true, true
	}
	col.Uncertain = col.Uncertain || uncertain
	if e.Change == effect.Rename {
		s.renameColumn(t, col, e.To)
		return
	}
	s.setColumn(t, col)
}

// onMySQLOnly reports whether the state is replayed for MySQL/MariaDB alone.
func (s *State) onMySQLOnly() bool {
	return len(s.dialects) > 0 && !slices.ContainsFunc(s.dialects, func(d string) bool { return d != "mysql" })
}

// renameColumn moves a column of a table from editTable (col: its new
// state) to a new name, with the foreign keys using it.
func (s *State) renameColumn(t *Table, col *Column, newName string) {
	name := col.Name
	s.dropColumn(t, name)
	col.Name = newName
	s.changeFKs(t, func(fk FK) (FK, bool) {
		if !slices.Contains(fk.Columns, name) {
			return fk, false
		}
		fk.Columns = slices.Clone(fk.Columns) // shared with the table this one was copied from
		for j, c := range fk.Columns {
			if c == name {
				fk.Columns[j] = newName
			}
		}
		return fk, true
	})
	t.renameIndexColumn(name, newName)
	s.setColumn(t, col)
}

// applySQL follows one effect of a SQL statement.
func (s *State) applySQL(m *migration.Migration, e effect.Effect, rev string, uncertain bool) {
	e.Table = s.sqlTableName(e.Table)
	switch e.Object {
	case effect.Anything:
		s.blindAt(m, e.Op)
	case effect.Type:
		s.applyTypeSQL(e, rev, uncertain)
	case effect.Value:
		en := s.Enum(e.Type)
		switch {
		case en == nil:
		case e.Change == effect.Create:
			// values created by SQL are not known (nil): adding one does not make them known
			if en.Values() != nil {
				c := *en
				c.added = &addedValue{value: e.Name, before: en.added}
				s.setEnum(e.Type, &c)
			}
		default: // RENAME VALUE: we stop trusting what we know of the type
			c := *en
			c.Uncertain = true
			s.setEnum(e.Type, &c)
		}
	case effect.Table:
		switch {
		case e.Temporary: // gone at the end of the session
		case e.Change == effect.Create:
			s.setTable(e.Table, &Table{Name: e.Table, CreatedBy: rev, Opaque: true, Uncertain: uncertain, PartitionOf: e.Parent})
		case e.Change == effect.Drop:
			s.dropTable(e.Table)
		case e.Change == effect.Rename:
			if t := s.Table(e.Table); t != nil {
				s.renameTable(t, e.To)
			} else if s.View(e.Table) != nil { // ALTER TABLE renames views too
				s.renameView(e.Table, e.To)
			}
		case e.UnreadAlter(): // any column, index or key of the table (another dialect's ALTER TABLE)
			if t := s.editTable(e.Table); t != nil {
				t.Opaque, t.indexesKnown, t.FKsDoubtful = true, false, t.FKsDoubtful || t.fks.Len() > 0
			} else {
				s.unseen = s.unseen.Set(e.Table, true)
			}
			s.untrackedIndexes = s.untrackedIndexes.Set("", true) // an index of any name may exist now
		default: // an ALTER TABLE subcommand not followed (SET TABLESPACE changes no column)
			if t := s.editTable(e.Table); t != nil {
				t.Opaque = t.Opaque || uncertain || e.Action.Kind == migration.OtherAction
			}
		}
	case effect.Rows:
		s.applyRows(e, rev, uncertain)
	case effect.Column, effect.Constraint:
		switch t := s.editTable(e.Table); {
		case t != nil:
			s.alterTableSQL(t, e.Action, rev, uncertain)
		case e.Table == "" && e.Object == effect.Constraint && (e.Change == effect.Drop || e.Change == effect.Rename):
			// a constraint of a table not known by name: the keys of any
			// table, and the indexes of that name, may be gone
			s.doubtForeignKeys()
			s.doubtIndexes(e.Name)
		default:
			s.columnUnseen(e, e.Table)
		}
		if e.Object == effect.Constraint {
			s.applyIndex(e, uncertain)
		}
	case effect.Index:
		s.applyIndex(e, uncertain)
	case effect.View:
		switch {
		case e.Unreadable: // which views there are is no longer known
			s.unnamedViews = true
		case e.Change == effect.Create:
			s.setView(e.Name, &View{Name: e.Name, Reads: e.Reads, CreatedBy: rev, Uncertain: uncertain})
		case e.Change == effect.Drop:
			s.setView(e.Name, nil)
			s.dropDependentViews(e.Name)
		case e.Change == effect.Rename:
			s.renameView(e.Name, e.To)
		}
	case effect.Sequence:
		s.applySequence(e, rev, uncertain)
	case effect.Namespace:
		if e.Change == effect.Drop {
			s.sequences = pmap.Map[string]{} // names are not read with their schema
		}
		if e.Change == effect.Drop && e.Cascade && !uncertain {
			public := strings.EqualFold(e.Name, "public") // its tables are keyed by name alone
			for _, t := range s.Tables() {
				if strings.HasPrefix(t.Name, e.Name+".") || public && !strings.Contains(t.Name, ".") {
					s.dropTable(t.Name)
				}
			}
		}
	}
}

// renameView moves a view to a new name, with the views reading it.
func (s *State) renameView(from, to string) {
	v := s.View(from)
	if v == nil {
		return
	}
	c := *v
	c.Name = to
	s.setView(from, nil)
	s.setView(to, &c)
	s.renameRead(from, to)
}

func (s *State) applyTypeSQL(e effect.Effect, rev string, uncertain bool) {
	switch e.Change {
	case effect.Create:
		if e.IfMissing && s.Enum(e.Name) != nil {
			return // a DO block that creates it unless it exists
		}
		s.setEnum(e.Name, &EnumType{Name: e.Name, CreatedBy: rev, Uncertain: uncertain})
	case effect.Drop:
		s.setEnum(e.Name, nil)
	case effect.Rename:
		if en := s.Enum(e.Name); en != nil {
			s.renameEnum(en, e.To)
		}
	default: // OWNER TO, SET SCHEMA...: we stop trusting what we know of the type
		s.doubtEnum(e.Name)
	}
}

// alterTableSQL applies one ALTER TABLE subcommand to a table from editTable.
// Those that may change columns in ways not followed here make the table
// opaque, and so does SQL that may not run (a column keeps one Uncertain
// flag: a conditional type change would make its nullability doubtful too).
func (s *State) alterTableSQL(t *Table, a *migration.TableAction, rev string, uncertain bool) {
	t.Opaque = t.Opaque || uncertain
	was := t.Column(a.Column)
	col := was
	if col != nil {
		c := *col
		col = &c
		// a type change that may not run leaves the column as sure as it
		// was (the table is opaque); a rename or NOT NULL does not
		col.Uncertain = col.Uncertain || uncertain && a.Kind != migration.AlterColumnType
	}
	switch {
	case a.Kind == migration.AddConstraint && a.ConstraintKind == "primary key":
		t.Opaque = true // the uniqueness is not followed in SQL; the NOT NULL it brings is
		if !uncertain {
			s.primaryKey(t, a.Columns)
		}
	case a.Kind == migration.AddColumn:
		added := &Column{Name: a.Column, Nullable: !a.NotNull, Known: true, SQLType: a, Uncertain: uncertain}
		if added.Nullable && !uncertain {
			added.Fill = Fill{By: rev} // NULL in every row
		}
		if a.Default && !strings.EqualFold(a.DefaultText, "NULL") {
			added.Default = migration.ConstantSQL(a.DefaultText)
			if added.Nullable && !uncertain {
				added.Fill = Fill{By: rev, How: Defaulted}
			}
		}
		if s.Enum(a.Type) != nil {
			added.Enum = a.Type
		}
		s.setColumn(t, added)
	case a.Kind == migration.DropColumn:
		s.columnDropped(t, a.Column)
	case col == nil:
		switch a.Kind {
		case migration.AddConstraint, migration.DropConstraint, migration.RenameConstraint:
			t.Opaque = true
		}
	case a.Kind == migration.RenameColumn:
		s.renameColumn(t, col, a.NewName)
	case a.Kind == migration.AlterColumnType:
		col.Type, col.Enum, col.SQLType, col.Default = nil, "", a, ""
		if s.Enum(a.Type) != nil {
			col.Enum = a.Type
		}
		s.setColumn(t, col)
	case a.Kind == migration.SetNotNull || a.Kind == migration.DropNotNull:
		col.Nullable, col.Known = a.Kind == migration.DropNotNull, true
		if col.Nullable {
			col.Fill = nullableAgain(was, rev)
		}
		s.setColumn(t, col)
	case a.Kind == migration.SetDefault || a.Kind == migration.DropDefault:
		col.Default = ""
		if a.Kind == migration.SetDefault {
			col.Default = migration.ConstantSQL(a.DefaultText)
		}
		s.setColumn(t, col)
	}
}

// primaryKey follows a primary key added to a table from editTable: its
// columns become NOT NULL, as PostgreSQL and MySQL make them.
func (s *State) primaryKey(t *Table, cols []string) {
	for _, name := range cols {
		if c := t.Column(name); c != nil {
			pk := *c
			pk.Nullable, pk.Known, pk.PrimaryKey = false, true, true
			s.setColumn(t, &pk)
		}
	}
}

// renameTable moves a table to a new name, with the foreign keys pointing at it.
func (s *State) renameTable(t *Table, to string) {
	c := *t
	c.Name = to
	s.setTable(t.Name, nil)
	s.setTable(to, &c)
	s.renameRead(t.Name, to)
	refs, _ := s.referencedBy.Get(t.Name)
	for name := range refs.All() { // the table itself too, under its new name
		e := s.editTable(name)
		s.changeFKs(e, func(fk FK) (FK, bool) {
			if fk.RefTable != t.Name {
				return fk, false
			}
			fk.RefTable = to
			return fk, true
		})
	}
}

// renameEnum moves an enum type to a new name, with the columns using it.
func (s *State) renameEnum(e *EnumType, to string) {
	c := *e
	c.Name = to
	s.setEnum(e.Name, nil)
	s.setEnum(to, &c)
	users, _ := s.enumUsers.Get(e.Name)
	edited := map[string]*Table{}
	for user := range users.All() {
		table, column, _ := strings.Cut(user, "\x00")
		if edited[table] == nil {
			edited[table] = s.editTable(table)
		}
		moved := *edited[table].Column(column)
		moved.Enum = to
		s.setColumn(edited[table], &moved)
	}
}

func columnState(c *migration.Column, uncertain bool) *Column {
	col := &Column{Name: c.Name, Type: c.Type, Generated: c.Generated(), PrimaryKey: c.PrimaryKey, Uncertain: uncertain,
		Default: migration.ConstantDefault(c.ServerDefault)}
	col.Nullable, col.Known = c.Nullable()
	if c.PrimaryKey {
		// the database makes a primary key's columns NOT NULL, whatever nullable= says
		// (sa.PrimaryKeyConstraint over columns written nullable=True)
		col.Nullable, col.Known = false, true
	}
	if en := effect.EnumOf(c.Type); en != nil {
		col.Enum = en.Name
	}
	return col
}

// createdUniques are the column sets a create_table makes unique: the
// primary key, unique=True columns, unique constraints and unique indexes.
func createdUniques(ct *migration.Table) [][]string {
	var out [][]string
	var pk []string
	for _, c := range ct.Columns {
		if c.PrimaryKey {
			pk = append(pk, c.Name)
		}
		if unique, _ := c.Expr.Keyword("unique").BoolValue(); unique {
			out = append(out, []string{c.Name})
		}
	}
	if pk != nil {
		out = append(out, pk)
	}
	for _, u := range ct.Constraints {
		if u.Kind == "unique" && len(u.Columns) > 0 {
			out = append(out, u.Columns)
		}
	}
	for _, ix := range ct.Indexes {
		if ix.Unique && len(ix.Columns) > 0 {
			out = append(out, ix.Columns)
		}
	}
	return out
}

// fkState: table is the bare table name (PostgreSQL's default names carry no schema).
func (s *State) fkState(o *migration.Op, table string, fk migration.ForeignKey) FK {
	return FK{Name: foreignKeyName(s.names, table, effect.Schema(o), fk), Columns: fk.Columns, RefTable: fk.RefTable, RefSchema: fk.RefSchema,
		RefColumns: fk.RefColumns, OnDelete: fk.OnDelete}
}

// dropTable drops a table and its partitions.
func (s *State) dropTable(key string) {
	dropped := s.Table(key)
	s.setTable(key, nil)
	s.dropDependentViews(key)
	if dropped == nil || !s.partitioned {
		return
	}
	for _, t := range s.Tables() {
		if t.PartitionOf != "" && (t.PartitionOf == key || t.PartitionOf == dropped.Name || strings.HasSuffix(key, "."+t.PartitionOf)) {
			s.dropTable(t.Name)
		}
	}
}
