package history

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Compact returns a copy of s for keeping (a snapshot of the history up to
// one revision) whose column types keep of their expressions only what the
// rules read of a type declared by an earlier revision: its text, its kind
// and name, and its keyword arguments (DateTime(timezone=True)); the callee
// and the positional arguments go (the length, the enum and the item type
// are read into the TypeRef already). In the state of 1,303 tables of a
// generated history these trees were half of the bytes and most of the time
// decoding them. A type's spans stay: they are small, and say where it was
// declared. Types shared by several columns stay shared.
func (s *State) Compact() *State {
	c := s.Clone()
	types := map[*migration.TypeRef]*migration.TypeRef{}
	s.eachTable(func(key string, t *Table) {
		columns, changed := t.Columns, false
		for name, col := range t.Columns.All() {
			if col.Type == nil {
				continue
			}
			compact := *col
			compact.Type = compactType(col.Type, types)
			columns, changed = columns.Set(name, &compact), true
		}
		if changed {
			table := *t
			table.Columns = columns
			c.tables = c.tables.Set(key, &table)
		}
	})
	return c
}

func compactType(t *migration.TypeRef, done map[*migration.TypeRef]*migration.TypeRef) *migration.TypeRef {
	if t == nil {
		return nil
	}
	if c, ok := done[t]; ok {
		return c
	}
	c := *t
	done[t] = &c
	c.Expr = compactExpr(t.Expr)
	c.Item = compactType(t.Item, done)
	return &c
}

// compactExpr is e without its callee, positional arguments, object and
// dict keys, its keyword arguments' values compacted alike.
func compactExpr(e *pysyntax.Expr) *pysyntax.Expr {
	if e == nil {
		return nil
	}
	c := &pysyntax.Expr{Kind: e.Kind, Span: e.Span, Text: e.Text, Str: e.Str, Name: e.Name}
	if keywords := e.Keywords(); len(keywords) > 0 {
		c.Parts = &pysyntax.Parts{Keywords: make([]pysyntax.Keyword, len(keywords))}
		for i, k := range keywords {
			c.Parts.Keywords[i] = pysyntax.Keyword{Name: k.Name, Value: compactExpr(k.Value), Span: k.Span}
		}
	}
	return c
}
