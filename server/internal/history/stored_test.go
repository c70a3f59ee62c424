package history

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/codec"
)

// A state whose tables are stored apart, written and read back as a
// snapshot is, answers every question as the state it was made from, before
// and after more operations (a table dropped, one renamed, one changed),
// and decodes only the tables looked up.
func TestStoredTables(t *testing.T) {
	g := buildGraph(t, []rev{
		{ID: "p0", Up: `op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(200)))
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id")),
        sa.Column("state", sa.Enum("new", "done", name="order_state")))
    op.create_index("ix_orders_user_id", "orders", ["user_id"])
    op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("body", sa.Text()))
    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True))`},
		{ID: "p1", Down: `"p0"`, Up: `op.drop_table("notes")
    op.rename_table("tags", "labels")
    op.add_column("users", sa.Column("name", sa.String(50), nullable=False))
    op.drop_index("ix_orders_user_id")
    op.create_table("notes", sa.Column("id", sa.BigInteger(), primary_key=True))`},
	})
	var whole *State
	g.Replay(context.Background(), func(r *Revision, before *State) {
		if r.ID == "p1" {
			whole = before.Clone()
		}
	})
	stored, err := whole.Stored()
	if err != nil {
		t.Fatal(err)
	}
	data, err := codec.Encode(&stored)
	if err != nil {
		t.Fatal(err)
	}
	var read *State
	if err := codec.Decode(data, &read); err != nil {
		t.Fatal(err)
	}
	if read.tables.Len() != 0 || len(read.stored.encoded) != 4 {
		t.Fatalf("read back: %d tables decoded, %d stored; want 0 and 4", read.tables.Len(), len(read.stored.encoded))
	}
	if read.Table("users") == nil || len(read.stored.decoded) != 1 {
		t.Errorf("looking users up decoded %d tables, want 1", len(read.stored.decoded))
	}
	same(t, "before p1", read, whole)

	p1 := g.Revisions["p1"].Migration
	after, afterWhole := read.Layer(), whole.Layer()
	for _, op := range p1.Upgrade.Ops {
		after.Apply(p1, op, "p1")
		afterWhole.Apply(p1, op, "p1")
	}
	same(t, "after p1", after, afterWhole)
	if after.Table("tags") != nil || after.Table("labels") == nil || after.Table("notes").Column("body") != nil {
		t.Errorf("after p1: tags %v, labels %v, notes %+v", after.Table("tags"), after.Table("labels"), after.Table("notes"))
	}
	same(t, "before p1, once more", read, whole) // the layer changed nothing below it
}

// same fails unless two states hold the same tables, in the same order, and
// the same indexes of them.
func same(t *testing.T, when string, got, want *State) {
	t.Helper()
	names := func(s *State) []string {
		var out []string
		for _, table := range s.Tables() {
			out = append(out, table.Name)
		}
		return out
	}
	if g, w := names(got), names(want); !slices.Equal(g, w) {
		t.Fatalf("%s: tables %q, want %q", when, g, w)
	}
	for _, w := range want.Tables() {
		g := got.Table(w.Name)
		ge, _ := codec.Encode(&g)
		we, _ := codec.Encode(&w)
		if !reflect.DeepEqual(ge, we) {
			t.Errorf("%s: table %s differs", when, w.Name)
		}
		if g, w := got.ReferencedBy(w.Name), want.ReferencedBy(w.Name); !slices.Equal(g, w) {
			t.Errorf("%s: tables referencing %s: %q, want %q", when, w, g, w)
		}
	}
	if g, w := got.EnumUsers("order_state"), want.EnumUsers("order_state"); !slices.Equal(g, w) {
		t.Errorf("%s: users of order_state: %q, want %q", when, g, w)
	}
	if g, w := got.IndexTable("ix_orders_user_id"), want.IndexTable("ix_orders_user_id"); g != w {
		t.Errorf("%s: the table of ix_orders_user_id: %q, want %q", when, g, w)
	}
}

// Replayed for the dialects checked, an operation that tests of the dialect
// name let run on all of them is certain, and one they keep from all of
// them is not replayed; replayed for any dialect, both are uncertain.
func TestReplayForDialects(t *testing.T) {
	revs := []rev{
		{ID: "p0", Up: `op.create_table("project", sa.Column("id", sa.Integer(), primary_key=True))`},
		{ID: "p1", Down: `"p0"`, Up: `bind = op.get_bind()
    if bind.engine.name == "sqlite":
        with op.batch_alter_table("project", recreate="always") as batch_op:
            batch_op.add_column(sa.Column("mode", sa.Enum("on", "off", name="mode"), nullable=False))
    else:
        op.add_column("project", sa.Column("mode", sa.Enum("on", "off", name="mode"), nullable=False))
    if bind.dialect.name == "sqlite":
        op.add_column("project", sa.Column("lite", sa.Integer()))`},
		{ID: "p2", Down: `"p1"`},
	}
	for _, tt := range []struct {
		dialects        []string
		certain, sqlite bool
	}{
		{[]string{"postgresql", "mysql"}, true, false},
		{[]string{"postgresql", "sqlite"}, false, true},
		{nil, false, true},
	} {
		g := buildGraph(t, revs)
		g.Dialects = tt.dialects
		var before *State
		g.Replay(context.Background(), func(r *Revision, s *State) {
			if r.ID == "p2" {
				before = s
			}
		})
		mode := before.Table("project").Column("mode")
		if mode == nil || mode.Uncertain == tt.certain {
			t.Errorf("for %q: column mode %+v, want certain %v", tt.dialects, mode, tt.certain)
		}
		if lite := before.Table("project").Column("lite"); (lite != nil) != tt.sqlite {
			t.Errorf("for %q: the SQLite-only column %+v, want it replayed %v", tt.dialects, lite, tt.sqlite)
		}
	}
}
