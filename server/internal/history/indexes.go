package history

import (
	"fmt"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
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
	return out, t.indexesKnown && !t.Opaque && !t.Uncertain
}

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

// dropIndexColumn removes a dropped column from the indexes, as MySQL does.
func (t *Table) dropIndexColumn(name string) {
	t.editIndexColumns(func(cols []string) []string {
		return slices.DeleteFunc(cols, func(c string) bool { return c == name })
	})
}

// renameIndexColumn follows a column rename in the indexes.
func (t *Table) renameIndexColumn(from, to string) {
	t.editIndexColumns(func(cols []string) []string {
		for i, c := range cols {
			if c == from {
				cols[i] = to
			}
		}
		return cols
	})
}

// createdIndexes sets the indexes a create_table makes: primary key, unique
// and index=True columns, unique constraints, then those InnoDB adds for the
// foreign keys.
func (s *State) createdIndexes(t *Table, o *migration.Op, ct *migration.Table, fks []migration.ForeignKey) {
	var pk []string
	for _, c := range ct.Columns {
		if c.PrimaryKey {
			pk = append(pk, c.Name)
		}
	}
	if pk != nil {
		t.addIndex(Index{Name: "PRIMARY", Columns: pk})
	}
	for _, c := range ct.Columns {
		if unique, _ := c.Expr.Keyword("unique").BoolValue(); unique {
			t.addIndex(Index{Columns: []string{c.Name}})
		}
		if index, _ := c.Expr.Keyword("index").BoolValue(); index {
			res := s.names.Name(naming.Object{Kind: naming.Index, Table: ct.Name, Schema: effect.Schema(o), Columns: []string{c.Name}, ColumnsKnown: true})
			t.addIndex(Index{Name: res.Name, Columns: []string{c.Name}})
		}
	}
	for _, u := range ct.Constraints {
		if u.Kind == "unique" {
			t.addIndex(Index{Name: u.Name, Columns: u.Columns})
		}
	}
	for _, fk := range fks {
		t.coverFK(fk.Columns, fk.Name != "", s.fkState(o, ct.Name, fk).Name)
	}
	// an argument not read (sa.Index(...), a starred list) may be an index
	t.indexesKnown = len(ct.Columns)+len(ct.Constraints) == len(o.Varargs)
}

// applyIndex follows the creation or drop of an index or constraint, by an
// op call or SQL, in the table's indexes.
func (s *State) applyIndex(e effect.Effect, uncertain bool) {
	key := e.Key()
	if e.Table == "" && e.Name != "" { // SQL's DROP INDEX and ALTER INDEX name no table
		key = s.IndexTable(e.Name)
	}
	t := s.editTable(key)
	if t == nil {
		return
	}
	switch {
	case e.Change == effect.Create && uncertain:
		t.indexesKnown = false
	case e.Change == effect.Create && e.Object == effect.Constraint && e.ConstraintType == "foreignkey":
		t.coverFK(e.Columns, !e.Unnamed, e.Name)
	case e.Change == effect.Create && e.Object == effect.Constraint && e.ConstraintType == "primary":
		t.addIndex(Index{Name: "PRIMARY", Columns: e.Columns})
	case e.Change == effect.Create && (e.Object == effect.Index || e.ConstraintType == "unique"):
		ix := Index{Name: e.Name, Columns: e.Columns}
		if len(e.ExprColumns) > 0 { // an expression serves no foreign key
			ix.Columns = nil
		}
		t.addIndex(ix)
	case e.Change == effect.Drop && !uncertain:
		t.dropIndex(e.Name)
	case e.Change == effect.Rename:
		if ix, ok := t.indexes.Get(e.Name); ok && e.To != "" {
			ix.Name = e.To
			t.indexes = t.indexes.Delete(e.Name).Set(e.To, ix)
		}
	}
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
