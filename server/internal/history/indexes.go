package history

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

// Index is an index of a table as MySQL/InnoDB sees them: the primary key,
// unique constraints and plain indexes, and the index InnoDB makes for a
// foreign key that has none.
type Index struct {
	Name    string // "" when not known
	Columns []string
	// Implicit: made by InnoDB for a foreign key; it goes when an index
	// that can serve the foreign key is created.
	Implicit bool
	// Constraint: the index of a primary key or unique constraint, which
	// PostgreSQL's DROP INDEX refuses to drop.
	Constraint bool
	// Unique: a unique index (a constraint's index keeps its columns unique
	// too: Constraint).
	Unique bool
	// MaybeGone: dropped under a condition since it was created.
	MaybeGone bool
	// Defaulted: a unique constraint made without a name, called by the name
	// PostgreSQL gives it (<table>_<columns>_key), which a later revision
	// drops or reuses by that name.
	Defaulted bool
}

// Covers reports whether the index can serve a foreign key on cols: its
// leading columns are the foreign key's, in order.
func (ix Index) Covers(cols []string) bool {
	return len(cols) > 0 && len(ix.Columns) >= len(cols) && slices.Equal(ix.Columns[:len(cols)], cols)
}

// Indexes returns the table's indexes, and whether that list is complete:
// it is not when the table was created or changed by SQL not followed, by a
// conditional operation, or by a create_table with arguments not read.
func (t *Table) Indexes() ([]Index, bool) {
	out := make([]Index, 0, t.indexes.Len())
	for _, ix := range t.indexes.All() {
		out = append(out, ix)
	}
	return out, t.indexesComplete()
}

// indexesComplete reports whether the table's indexes are all known.
func (t *Table) indexesComplete() bool { return t.indexesKnown && !t.Opaque && !t.Uncertain }

// addIndex adds an index to a table from editTable; the implicit indexes of
// the foreign keys it can serve go.
func (t *Table) addIndex(ix Index) {
	for k, old := range t.indexes.All() {
		if old.Implicit && ix.Covers(old.Columns) {
			t.indexes = t.indexes.Delete(k)
		}
	}
	key := ix.Name
	if key == "" || t.HasIndex(key) {
		key = fmt.Sprintf("\x00%d", t.nextIndex) // unnamed: a key no name takes
		t.nextIndex++
	}
	t.indexes = t.indexes.Set(key, ix)
}

// HasIndex reports whether the table has an index of that name.
func (t *Table) HasIndex(name string) bool {
	_, ok := t.indexes.Get(name)
	return ok
}

// HasPostgresIndex reports whether the table has an index of that name that
// PostgreSQL makes (InnoDB's implicit ones for foreign keys left out).
func (t *Table) HasPostgresIndex(name string) bool {
	ix, ok := t.indexes.Get(name)
	return ok && !ix.Implicit
}

// HasIndexCertainly reports whether the table has an index of that name
// that no condition may have dropped, on a table whose indexes are known.
func (t *Table) HasIndexCertainly(name string) bool {
	ix, ok := t.indexes.Get(name)
	return ok && t.indexesComplete() && !ix.Implicit && !ix.MaybeGone
}

// coverFK gives a foreign key of a table from editTable the index InnoDB
// makes when none can serve it, named after the constraint when it is
// named (name: its name, "" when not known), after its first column when not.
func (t *Table) coverFK(cols []string, named bool, name string) {
	for _, ix := range t.indexes.All() {
		if ix.Covers(cols) {
			return
		}
	}
	if !named && len(cols) > 0 && !t.HasIndex(cols[0]) {
		name = cols[0]
	}
	t.addIndex(Index{Name: name, Columns: cols, Implicit: true})
}

// dropIndex drops an index by name from a table from editTable.
func (t *Table) dropIndex(name string) {
	if name != "" {
		t.indexes = t.indexes.Delete(name)
	}
}

// forgetUnique removes one set of columns known unique (Table.Uniques) equal
// to cols: the index or constraint that kept them unique is dropped.
func (t *Table) forgetUnique(cols []string) {
	if i := slices.IndexFunc(t.Uniques, func(set []string) bool { return slices.Equal(set, cols) }); i >= 0 && cols != nil {
		t.Uniques = slices.Concat(t.Uniques[:i:i], t.Uniques[i+1:])
	}
}

// editIndexColumns changes the columns of the indexes of a table from
// editTable: edit returns the new columns (an index left without any goes).
func (t *Table) editIndexColumns(edit func([]string) []string) {
	for k, ix := range t.indexes.All() {
		cols := edit(slices.Clone(ix.Columns))
		switch {
		case slices.Equal(cols, ix.Columns):
		case len(cols) == 0:
			t.indexes = t.indexes.Delete(k)
		default:
			ix.Columns = cols
			t.indexes = t.indexes.Set(k, ix)
		}
	}
}

// dropIndexColumn follows a dropped column into the indexes of a table from
// editTable: MySQL takes the column out of each index, PostgreSQL drops
// every index that has it (ckan's downgrade creates again the two indexes
// its upgrade's drop_column took along). Replayed for other dialects too,
// an index left with other columns may be gone.
func (s *State) dropIndexColumn(t *Table, name string) {
	mysql := slices.Contains(s.dialects, "mysql")
	exact := s.onMySQLOnly()
	// so go the column sets known unique that hold it: a constraint
	// PostgreSQL dropped keeps nothing unique (thoth's restored id, agenta's
	// retry_id), and one MySQL narrowed is not followed
	if slices.ContainsFunc(t.Uniques, func(set []string) bool { return slices.Contains(set, name) }) {
		t.Uniques = slices.DeleteFunc(slices.Clone(t.Uniques), func(set []string) bool { return slices.Contains(set, name) })
	}
	for k, ix := range t.indexes.All() {
		if len(ix.Columns) == 0 && !ix.MaybeGone { // columns not read (ckan's, made in a loop): it may hold this one
			ix.MaybeGone = true
			t.indexes = t.indexes.Set(k, ix)
		}
		if !slices.Contains(ix.Columns, name) {
			continue
		}
		cols := slices.DeleteFunc(slices.Clone(ix.Columns), func(c string) bool { return c == name })
		switch {
		case len(cols) == 0 || len(s.dialects) > 0 && !mysql:
			t.indexes = t.indexes.Delete(k)
		default:
			ix.Columns, ix.MaybeGone = cols, ix.MaybeGone || !exact
			t.indexes = t.indexes.Set(k, ix)
		}
	}
}

// renameIndexColumn follows a column rename in the indexes and the column
// sets known unique.
func (t *Table) renameIndexColumn(from, to string) {
	rename := func(cols []string) []string {
		for i, c := range cols {
			if c == from {
				cols[i] = to
			}
		}
		return cols
	}
	if slices.ContainsFunc(t.Uniques, func(set []string) bool { return slices.Contains(set, from) }) {
		uniques := make([][]string, len(t.Uniques))
		for i, set := range t.Uniques {
			uniques[i] = rename(slices.Clone(set))
		}
		t.Uniques = uniques
	}
	t.editIndexColumns(rename)
}

// createdIndexes sets the indexes a create_table makes: primary key, unique
// and index=True columns, unique constraints, then those InnoDB adds for the
// foreign keys.
func (s *State) createdIndexes(t *Table, o *migration.Op, ct *migration.Table, fks []migration.ForeignKey) {
	// an argument not read (sa.Index(...), a starred list) may be an index
	t.indexesKnown = len(ct.Columns)+len(ct.Constraints) == len(o.Varargs)
	var pk []string
	for _, c := range ct.Columns {
		if c.PrimaryKey {
			pk = append(pk, c.Name)
		}
	}
	if pk != nil {
		t.addIndex(Index{Name: "PRIMARY", Columns: pk, Constraint: true})
	}
	// PostgreSQL makes one index of a CREATE TABLE's primary key and unique
	// constraints on the same columns: a unique constraint that repeats the
	// key (or an earlier one) is never made, nor its name taken (dj's,
	// funding-service's and orchest's UniqueConstraint on their primary
	// keys, judged on PostgreSQL 15)
	made := [][]string{pk}
	redundant := func(cols []string) bool {
		if !s.postgresOnly() {
			return false
		}
		if slices.ContainsFunc(made, func(m []string) bool { return slices.Equal(m, cols) }) {
			return true
		}
		made = append(made, cols)
		return false
	}
	for _, c := range ct.Columns {
		s.columnIndexes(t, o, ct.Name, c, redundant)
	}
	for _, u := range ct.Constraints {
		if u.Kind == "unique" && !redundant(u.Columns) {
			name, defaulted := s.uniqueName(t, o, ct.Name, u.Name, u.Columns)
			t.addIndex(Index{Name: name, Columns: u.Columns, Constraint: true, Defaulted: defaulted})
		}
	}
	for _, fk := range fks {
		t.coverFK(fk.Columns, fk.Name != "", s.fkState(o, ct.Name, fk).Name)
	}
}

// uniqueName is the name of a unique constraint create_table or add_column
// makes: the one written, else the naming convention's, else, on a history
// replayed for PostgreSQL alone, PostgreSQL's (defaulted), with 1, 2... after
// its label when the table has an index of that name. "" when not known.
func (s *State) uniqueName(t *Table, o *migration.Op, table, written string, cols []string) (name string, defaulted bool) {
	if written != "" || len(cols) == 0 {
		return written, false
	}
	res := s.names.Name(naming.Object{Kind: naming.Unique, Table: table, Schema: effect.Schema(o), Columns: cols, ColumnsKnown: true})
	switch {
	case res.Known:
		return res.Name, false
	case res.Converted || res.Err != "" || !s.postgresOnly():
		return "", false
	}
	table = pysyntax.LastName(table)
	name = DefaultUniqueName(table, cols)
	for n := 1; t.HasIndex(name); n++ {
		name = postgresName(table, strings.Join(cols, "_"), "key"+strconv.Itoa(n))
	}
	return name, true
}

// postgresOnly reports whether the history is replayed for PostgreSQL alone.
func (s *State) postgresOnly() bool {
	return s.names.Dialect == "postgresql" && !slices.ContainsFunc(s.dialects, func(d string) bool { return d != "postgresql" })
}

// spatialTypes are GeoAlchemy2's column types: a column of one gets a
// spatial index (spatial_index=True by default) when its table is created or
// the column added, named as the GeoAlchemy2 version in use names it.
var spatialTypes = map[string]bool{"Geometry": true, "Geography": true, "Raster": true}

// columnIndexes adds the indexes a column's own arguments make, in
// create_table (where redundant says which unique ones PostgreSQL does not
// make) or add_column: unique=True (a constraint), index=True (named
// by the naming convention), and a spatial index, whose name is not known:
// the table's list of indexes is then not complete.
func (s *State) columnIndexes(t *Table, o *migration.Op, table string, c *migration.Column, redundant func([]string) bool) {
	if unique, _ := c.Expr.Keyword("unique").BoolValue(); unique && (redundant == nil || !redundant([]string{c.Name})) {
		name, defaulted := s.uniqueName(t, o, table, "", []string{c.Name})
		t.addIndex(Index{Name: name, Columns: []string{c.Name}, Constraint: true, Defaulted: defaulted})
	}
	if index, _ := c.Expr.Keyword("index").BoolValue(); index {
		res := s.names.Name(naming.Object{Kind: naming.Index, Table: table, Schema: effect.Schema(o), Columns: []string{c.Name}, ColumnsKnown: true})
		t.addIndex(Index{Name: res.Name, Columns: []string{c.Name}})
	}
	if c.Type != nil && spatialTypes[c.Type.Name] {
		if spatial, known := c.Type.Expr.Keyword("spatial_index").BoolValue(); spatial || !known {
			t.indexesKnown = false
		}
	}
}

// doubtIndexes follows the drop or rename of an index or constraint of a
// table not known by name: an index of that name may be gone, on any table,
// or any index when the name is not known either (funnel renames its
// constraints in a loop over tables).
func (s *State) doubtIndexes(name string) {
	for _, t := range s.Tables() {
		switch _, has := t.indexes.Get(name); {
		case name == "" || strings.Contains(name, sqlparse.Hole):
			if t.indexesKnown {
				s.editTable(t.Name).indexesKnown = false
			}
		case has:
			s.editTable(t.Name).maybeGone(name)
		}
	}
}

// maybeGone marks the index of that name, if the table from editTable has
// one, as one that may have been dropped.
func (t *Table) maybeGone(name string) {
	if ix, ok := t.indexes.Get(name); ok {
		ix.MaybeGone = true
		t.indexes = t.indexes.Set(name, ix)
	}
}

// applyIndex follows the creation or drop of an index or constraint, by an
// op call or SQL, in the table's indexes.
func (s *State) applyIndex(e effect.Effect, uncertain bool) {
	if e.Change == effect.Rename && (strings.Contains(e.Name, sqlparse.Hole) || strings.Contains(e.To, sqlparse.Hole)) {
		s.doubtIndexes("") // an index renamed, which or to what is not known
		return
	}
	key := e.Key()
	if e.Table == "" && e.Name != "" { // SQL's DROP INDEX and ALTER INDEX name no table
		key = s.IndexTable(e.Name)
	}
	t := s.editTable(key)
	if t == nil {
		if e.Change == effect.Create && e.Object == effect.Index {
			s.untrackedIndexes = s.untrackedIndexes.Set(e.Name, true) // "" when its name is not known
		}
		return
	}
	switch {
	case e.Change == effect.Create && uncertain:
		t.indexesKnown = false
	case e.Change == effect.Drop && uncertain:
		if e.Name != "" {
			t.maybeGone(e.Name)
		}
	case e.Change == effect.Create && e.Object == effect.Constraint && e.ConstraintType == "foreignkey":
		t.coverFK(e.Columns, !e.Unnamed, e.Name)
	case e.Change == effect.Create && e.Object == effect.Constraint && e.ConstraintType == "primary":
		t.addIndex(Index{Name: "PRIMARY", Columns: e.Columns, Constraint: true})
	case e.Change == effect.Create && (e.Object == effect.Index || e.ConstraintType == "unique"):
		ix := Index{Name: e.Name, Columns: e.Columns, Constraint: e.Object == effect.Constraint, Unique: e.Unique}
		if len(e.ExprColumns) > 0 { // an expression serves no foreign key
			ix.Columns = nil
		}
		t.addIndex(ix)
	case e.Change == effect.Drop && !uncertain:
		ix, ok := t.indexes.Get(e.Name)
		switch {
		case ok && e.Name != "" && (ix.Unique || ix.Constraint):
			t.forgetUnique(ix.Columns) // a superset is no longer unique by it
		case !ok && (e.Object == effect.Index || e.ConstraintType == "unique" || e.ConstraintType == ""):
			// a name no index has may be that of one made unnamed
			// (backend.ai's uq_endpoints_name, of a unique=True column)
			for _, other := range t.indexes.All() {
				if other.Name == "" && (other.Unique || other.Constraint) {
					t.forgetUnique(other.Columns)
				}
			}
		}
		t.dropIndex(e.Name)
	case e.Change == effect.Rename:
		if ix, ok := t.indexes.Get(e.Name); ok && e.To != "" {
			ix.Name = e.To
			t.indexes = t.indexes.Delete(e.Name).Set(e.To, ix)
		}
	}
}

// MayHaveIndex reports whether PostgreSQL may find an index of that name
// (index names belong to the schema, not to a table): an index of a table
// the state knows has it, as the database keeps names (SameIdentifier); or a
// table the state knows has an index it cannot name; or an index of that
// name, or of a name not known, was created on a table the state does not
// know. Indexes of tables made before the first revision are not known:
// callers judge only names their table's own history would hold.
func (s *State) MayHaveIndex(name string) bool {
	if _, ok := s.untrackedIndexes.Get(name); ok {
		return true
	}
	if _, ok := s.untrackedIndexes.Get(""); ok {
		return true
	}
	found := false
	s.eachTable(func(_ string, t *Table) {
		for _, ix := range t.indexes.All() {
			if !ix.Implicit { // InnoDB's: PostgreSQL makes no index for a foreign key
				found = found || ix.Name == "" && !ix.Constraint || SameIdentifier(ix.Name, name)
			}
		}
	})
	return found
}

// SameIdentifier reports whether two names written in migrations may name
// one object on PostgreSQL, which keeps 63 bytes of a longer name; a longer
// name built by op.f() or a naming convention is cut by SQLAlchemy to 55
// bytes, "_" and the last 4 hex digits of its MD5, and a name read back from
// the database (as autogenerate writes it) is that. Case is not compared:
// quoting decides it.
func SameIdentifier(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	if len(a) <= maxIdentifier && len(b) <= maxIdentifier {
		return false
	}
	for _, x := range identifierForms(a) {
		for _, y := range identifierForms(b) {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}

// maxIdentifier is PostgreSQL's limit on a name, in bytes.
const maxIdentifier = 63

func identifierForms(name string) []string {
	if len(name) <= maxIdentifier {
		return []string{name}
	}
	sum := md5.Sum([]byte(name))
	return []string{name[:maxIdentifier], name[:maxIdentifier-8] + "_" + hex.EncodeToString(sum[:])[28:]}
}

// IndexTable is the table with an index of that name, "" when none or more
// than one has it.
func (s *State) IndexTable(name string) string {
	found, twice := "", false
	s.eachTable(func(key string, t *Table) {
		if t.HasIndex(name) {
			twice = twice || found != ""
			found = key
		}
	})
	if twice {
		return ""
	}
	return found
}
