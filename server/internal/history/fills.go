package history

import (
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Fill is what the migrations did to a nullable column's rows since it was
// added or last made nullable, when that leaves NULL at most in the rows the
// application wrote since: How, and By, the revision that did it. The zero
// Fill says nothing: a migration may have left NULL in any row. A NotFilled
// Fill with a By says a little: By added the column without a value, and
// every row older than By is NULL (unless something not followed filled it).
type Fill struct {
	By  string
	How FillKind
	// partly is an UPDATE that set the column on some rows only: one of the
	// same revision with the negated condition sets it on the others.
	partly *partialUpdate
	// Touched is what an UPDATE since the column was added did when it
	// set the column without filling it (a Fill that says nothing): a
	// finding names it rather than say that nothing fills the column.
	Touched Touch
}

// Touch is an UPDATE that set a column without leaving it NULL-free: By,
// the revision, set it on the rows of a WHERE clause only (SomeRows), or
// to what may be NULL (MaybeNull: another column, a subquery, a bound
// parameter), or both.
type Touch struct {
	By                  string
	SomeRows, MaybeNull bool
}

type partialUpdate struct {
	by   string
	cond migration.Condition
}

// FillKind says how a column came to hold no NULL (see Fill).
type FillKind uint8

const (
	NotFilled FillKind = iota
	// TableEmpty: By created the table, and no migration inserted rows since.
	TableEmpty
	// Inserted: By created the table or inserted rows, and every row a
	// migration inserted since has a value in the column.
	Inserted
	// Updated: By set the column on every row (an UPDATE without WHERE,
	// one WHERE it IS NULL, or two whose conditions select all rows).
	Updated
	// NullsDeleted: By deleted the rows where the column IS NULL.
	NullsDeleted
	// Defaulted: By added the column with a server default, which every row
	// got, or created the table with the column so, which every row inserted
	// without a value got.
	Defaulted
	// Relaxed: the column was NOT NULL until By made it nullable.
	Relaxed
)

// createdFill is the Fill of a nullable column of a table create_table makes.
func createdFill(c *migration.Column, rev string, uncertain bool) Fill {
	switch {
	case uncertain:
		return Fill{}
	case c.ServerDefault != nil && !c.ServerDefault.IsNone():
		return Fill{By: rev, How: Defaulted} // onyx's time_updated, server_default=now()
	}
	return Fill{By: rev, How: TableEmpty}
}

// addedFill is the Fill of a column add_column adds: its server default
// fills the rows; without one, they are NULL.
func addedFill(c *migration.Column, rev string, uncertain bool) Fill {
	nullable, _ := c.Nullable()
	switch {
	case !nullable || uncertain:
		return Fill{}
	case c.ServerDefault != nil && !c.ServerDefault.IsNone():
		return Fill{By: rev, How: Defaulted}
	}
	return Fill{By: rev}
}

// nullableAgain is the Fill of a column made nullable: every row had a
// value if it was NOT NULL.
func nullableAgain(was *Column, rev string) Fill {
	if was.Known && !was.Nullable {
		return Fill{By: rev, How: Relaxed}
	}
	return was.Fill
}

// applyRows follows the rows an INSERT, UPDATE or DELETE (or bulk_insert)
// writes into the fills of the table's nullable columns.
func (s *State) applyRows(e effect.Effect, rev string, uncertain bool) {
	t := s.Table(e.Key())
	if t == nil || t.Opaque {
		return
	}
	var edited *Table
	set := func(c *Column, f Fill) {
		if f == c.Fill {
			return
		}
		if edited == nil {
			edited = s.editTable(e.Key())
		}
		changed := *c
		changed.Fill = f
		s.setColumn(edited, &changed)
	}
	st := e.Statement
	switch {
	case e.Change == effect.Create:
		for name, c := range t.Columns.All() {
			if c.Nullable && c.Fill.How != NotFilled {
				set(c, insertedFill(c.Fill, supplies(e, name, t.Columns.Len()), rev, uncertain))
			}
		}
	case e.Change == effect.Alter && st != nil:
		for _, name := range st.SetColumns {
			if c := t.Column(name); c != nil && c.Nullable {
				setsValue := slices.Contains(st.SetValues, name) || e.Key() == e.Table && s.findsValue(t, st, name, rev)
				set(c, updatedFill(t, c, st, setsValue, rev, uncertain))
			}
		}
	case e.Change == effect.Drop && st != nil && st.Where && !uncertain:
		if c := t.Column(st.Condition.Column); c != nil && c.Nullable && st.Condition.SelectsNulls(c.Name) {
			set(c, Fill{By: rev, How: NullsDeleted})
		}
	}
}

// insertedFill is a column's fill after an insert whose rows give it a
// value of their own (supplied) or not.
func insertedFill(f Fill, supplied bool, rev string, uncertain bool) Fill {
	switch {
	case !supplied:
		return Fill{}
	case uncertain: // rows with values, or none
		return f
	case f.How == TableEmpty || f.How == Inserted:
		return Fill{By: rev, How: Inserted}
	}
	return f
}

// findsValue reports whether an UPDATE of t sets the column to a value its
// lookup (migration.Lookup) finds on every row: the row's reference is NOT
// NULL and a foreign key to the key, and the value is NOT NULL or was set on
// every row earlier in the revision. A move to new keys fills a table's
// reference so (full-stack-fastapi-template's UUIDs, judged).
func (s *State) findsValue(t *Table, st *migration.Statement, column, rev string) bool {
	i := slices.IndexFunc(st.SetLookups, func(l migration.Lookup) bool { return l.Column == column })
	if i < 0 {
		return false
	}
	l := st.SetLookups[i]
	from := s.Table(l.From)
	if from == nil || from.Opaque || from.Uncertain || t.Uncertain || t.FKsDoubtful || !notNull(t, l.Ref) {
		return false
	}
	keyed := slices.ContainsFunc(t.FKs(), func(fk FK) bool {
		return strings.EqualFold(fk.RefTable, l.From) && (fk.RefSchema == "" || strings.EqualFold(fk.RefSchema, "public")) &&
			slices.Equal(fk.Columns, []string{l.Ref}) && slices.Equal(fk.RefColumns, []string{l.Key})
	})
	value := from.Column(l.Value)
	return keyed && value != nil && (notNull(from, l.Value) || value.Fill.How == Updated && value.Fill.By == rev && !value.Uncertain)
}

// updatedFill is a column's fill after an UPDATE sets it (to a value when
// setsValue): to values on every row, on those of a condition, or perhaps
// to NULL.
func updatedFill(t *Table, c *Column, st *migration.Statement, setsValue bool, rev string, uncertain bool) Fill {
	cond, partly := st.Condition, c.Fill.partly
	touched := func(f Fill, maybeNull bool) Fill {
		f.Touched = Touch{By: rev, SomeRows: st.Where && !cond.SelectsNulls(c.Name), MaybeNull: maybeNull}
		return f
	}
	switch {
	case !setsValue && uncertain:
		return Fill{} // perhaps NULL, perhaps not at all
	case !setsValue: // NULL, or what may be NULL
		return touched(Fill{}, true)
	case uncertain:
		return c.Fill
	case !st.Where || cond.SelectsNulls(c.Name):
		return Fill{By: rev, How: Updated}
	case cond.Test == "":
		return touched(c.Fill, false) // some rows, which is not known
	case partly != nil && partly.by == rev && partly.cond.Complements(cond) && (cond.NullSafe() || notNull(t, cond.Column)):
		return Fill{By: rev, How: Updated}
	}
	f := touched(c.Fill, false)
	f.partly = &partialUpdate{by: rev, cond: cond}
	return f
}

// notNull reports whether a column of the table is certainly NOT NULL.
func notNull(t *Table, column string) bool {
	c := t.Column(column)
	return c != nil && c.Known && !c.Nullable && !c.Uncertain
}

// supplies reports whether the rows an insert writes into a table of width
// columns give the column a value of their own: an INSERT (see
// Statement.Supplies), or a bulk_insert whose rows are dicts that each give
// it a value other than None.
func supplies(e effect.Effect, column string, width int) bool {
	if e.Statement != nil {
		return e.Statement.Supplies(column, width)
	}
	rows := e.Op.Value("rows")
	if rows == nil || rows.Kind != pysyntax.List || len(rows.Args) == 0 {
		return false
	}
	for _, row := range rows.Args {
		if row.Kind != pysyntax.Dict {
			return false
		}
		at := slices.IndexFunc(row.Keys(), func(k *pysyntax.Expr) bool {
			name, ok := k.StringValue()
			return ok && name == column
		})
		if at < 0 || row.Args[at].IsNone() {
			return false
		}
	}
	return true
}
