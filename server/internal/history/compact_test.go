package history

import (
	"context"
	"reflect"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// TestCompact: a compacted state has the same tables, columns and types as
// the state it came from, and of each type expression what rules read of
// an earlier revision's types (text, kind, name, keyword arguments, spans);
// types shared stay shared, and the original state keeps its trees.
func TestCompact(t *testing.T) {
	g := buildGraph(t, []rev{{ID: "p0", Up: `status = sa.Enum("new", "done", name="status")
    op.create_table("events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True)),
        sa.Column("tags", postgresql.ARRAY(sa.String(20))),
        sa.Column("state", status),
        sa.Column("previous", status))`}, {ID: "p1", Down: `"p0"`}})
	var full *State
	g.Replay(context.Background(), func(r *Revision, before *State) {
		if r.ID == "p1" {
			full = before.Clone()
		}
	})
	compact := full.Compact()
	events, was := compact.Table("events"), full.Table("events")
	if events == nil || events.Columns.Len() != 5 {
		t.Fatalf("compacted table: %+v", events)
	}
	for name, c := range was.Columns.All() {
		got := events.Column(name)
		if got == nil || got.Nullable != c.Nullable || got.Known != c.Known || got.Enum != c.Enum || (got.Type == nil) != (c.Type == nil) {
			t.Fatalf("column %s: %+v, want %+v", name, got, c)
		}
		if c.Type == nil {
			continue
		}
		g, w := got.Type, c.Type
		if g.Name != w.Name || g.Dotted != w.Dotted || g.Length != w.Length || !reflect.DeepEqual(g.Enum, w.Enum) ||
			g.Expr.Text != w.Expr.Text || g.Expr.Kind != w.Expr.Kind || g.Expr.Span != w.Expr.Span {
			t.Errorf("column %s: type %+v, want %+v", name, g, w)
		}
		if g.Expr.Func() != nil || g.Expr.Args != nil || w.Expr.Func() == nil {
			t.Errorf("column %s: the compacted type keeps its callee or arguments, or the original lost them", name)
		}
	}
	at := events.Column("at").Type.Expr.Keyword("timezone")
	if tz, ok := at.BoolValue(); !ok || !tz {
		t.Errorf("DateTime(timezone=True) compacted to %+v", events.Column("at").Type.Expr)
	}
	if item := events.Column("tags").Type.Item; item == nil || item.Name != "String" || item.Length != 20 || item.Expr.Text != "sa.String(20)" {
		t.Errorf("the item type of ARRAY compacted to %+v", item)
	}
	shared := was.Column("state").Type == was.Column("previous").Type
	if (events.Column("state").Type == events.Column("previous").Type) != shared {
		t.Errorf("sharing of one type by two columns: %v, was %v", !shared, shared)
	}
	done := map[*migration.TypeRef]*migration.TypeRef{}
	typ := was.Column("tags").Type
	if first, again := compactType(typ, done), compactType(typ, done); first != again {
		t.Error("a type met twice is compacted twice")
	}
}
