package history

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// replayFacts records, per revision, the tables and enum types before it and
// how often it was visited.
type replayFacts struct {
	order   []string
	tables  map[string][]string
	enums   map[string][]string
	unknown map[string]bool
}

func replay(g *Graph) replayFacts {
	f := replayFacts{tables: map[string][]string{}, enums: map[string][]string{}, unknown: map[string]bool{}}
	g.Replay(context.Background(), func(r *Revision, before *State) {
		f.order = append(f.order, r.ID)
		f.tables[r.ID] = tableNames(before)
		f.enums[r.ID] = enumNames(before)
		f.unknown[r.ID] = before.Unknown
	})
	return f
}

func createTable(name string) string {
	return fmt.Sprintf("op.create_table(%q, sa.Column(\"id\", sa.Integer(), primary_key=True))", name)
}

func TestReplay(t *testing.T) {
	tests := []struct {
		name   string
		revs   []rev
		tables map[string][]string // tables before each revision
		check  func(t *testing.T, f replayFacts)
	}{
		{
			name: "linear: a revision does not see its own operations",
			revs: []rev{
				{ID: "r1", Up: createTable("users")},
				{ID: "r2", Down: `"r1"`, Up: createTable("orders") + "\nop.drop_table(\"users\")"},
				{ID: "r3", Down: `"r2"`, Up: createTable("users")},
			},
			tables: map[string][]string{"r1": nil, "r2": {"users"}, "r3": {"orders"}},
		},
		{
			name: "fork and merge",
			revs: []rev{
				{ID: "base", Up: createTable("users") + "\n" + createTable("legacy")},
				{ID: "ba", Down: `"base"`, Up: createTable("orders") + "\nop.drop_table(\"legacy\")"},
				{ID: "bb", Down: `"base"`, Up: createTable("invoices") + `
op.create_table("bills", sa.Column("kind", sa.Enum("x", "y", name="bill_kind")))`},
				{ID: "ba2", Down: `"ba"`, Up: createTable("shipments")},
				{ID: "bb2", Down: `"bb"`, Up: createTable("payments")},
				{ID: "merge", Down: `("ba2", "bb2")`, Up: createTable("after_merge")},
				{ID: "top", Down: `"merge"`},
			},
			tables: map[string][]string{
				"base": nil,
				"ba":   {"legacy", "users"},
				"bb":   {"legacy", "users"}, // branch A's orders is not visible, its drop of legacy neither
				"ba2":  {"orders", "users"},
				"bb2":  {"bills", "invoices", "legacy", "users"},
			},
			check: func(t *testing.T, f replayFacts) {
				for _, want := range []string{"orders", "shipments", "invoices", "payments", "bills", "users"} {
					if !slices.Contains(f.tables["merge"], want) {
						t.Errorf("merge does not see %s: %v", want, f.tables["merge"])
					}
				}
				if slices.Contains(f.tables["merge"], "after_merge") {
					t.Errorf("merge sees its own table")
				}
				// legacy, dropped on one branch only: see TestReplayMergeOfADrop
				for _, want := range []string{"after_merge", "orders", "payments", "bills"} {
					if !slices.Contains(f.tables["top"], want) {
						t.Errorf("top does not see %s: %v", want, f.tables["top"])
					}
				}
				eq(t, "enums before ba2", f.enums["ba2"], nil)
				eq(t, "enums before bb2", f.enums["bb2"], []string{"bill_kind"})
				eq(t, "enums before merge", f.enums["merge"], []string{"bill_kind"})
			},
		},
		{
			name: "three-way fork: each branch starts from the fork point",
			revs: []rev{
				{ID: "f0", Up: createTable("shared")},
				{ID: "f1", Down: `"f0"`, Up: createTable("one") + "\nop.drop_table(\"shared\")", Labels: `("one",)`},
				{ID: "f2", Down: `"f0"`, Up: createTable("two"), Labels: `("two",)`},
				{ID: "f3", Down: `"f0"`, Up: createTable("three") + "\nop.add_column(\"shared\", sa.Column(\"x\", sa.Integer()))", Labels: `("three",)`},
				{ID: "f1b", Down: `"f1"`},
				{ID: "f2b", Down: `"f2"`},
				{ID: "f3b", Down: `"f3"`},
			},
			tables: map[string][]string{
				"f0": nil, "f1": {"shared"}, "f2": {"shared"}, "f3": {"shared"},
				"f1b": {"one"}, "f2b": {"shared", "two"}, "f3b": {"shared", "three"},
			},
		},
		{
			name: "unknown effects stay on their branch until the merge",
			revs: []rev{
				{ID: "u0", Up: createTable("users")},
				{ID: "u1", Down: `"u0"`, Up: `op.execute(f"ALTER TABLE {name} DROP COLUMN x")`},
				{ID: "u2", Down: `"u0"`},
				{ID: "u1b", Down: `"u1"`},
				{ID: "u2b", Down: `"u2"`},
				{ID: "um", Down: `("u2b", "u1b")`},
			},
			check: func(t *testing.T, f replayFacts) {
				want := map[string]bool{"u0": false, "u1": false, "u2": false, "u1b": true, "u2b": false, "um": true}
				for id, w := range want {
					if f.unknown[id] != w {
						t.Errorf("Unknown before %s = %v, want %v", id, f.unknown[id], w)
					}
				}
			},
		},
		{
			name: "a cycle is skipped, the healthy part is replayed",
			revs: []rev{
				{ID: "h1", Up: createTable("users")},
				{ID: "h2", Down: `"h1"`},
				{ID: "c1", Down: `"c2"`, Up: createTable("never")},
				{ID: "c2", Down: `"c1"`},
			},
			tables: map[string][]string{"h1": nil, "h2": {"users"}},
		},
		{
			name: "a revision with a missing parent starts from nothing",
			revs: []rev{
				{ID: "m1", Up: createTable("users")},
				{ID: "m2", Down: `"m1"`},
				{ID: "orphan", Down: `"gone"`},
			},
			tables: map[string][]string{"m1": nil, "m2": {"users"}, "orphan": nil},
			check: func(t *testing.T, f replayFacts) {
				// what the missing parent held is not known: the orphan must not look empty
				if !f.unknown["orphan"] || f.unknown["m1"] || f.unknown["m2"] {
					t.Errorf("Unknown before m1/m2/orphan = %v/%v/%v, want false/false/true", f.unknown["m1"], f.unknown["m2"], f.unknown["orphan"])
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := buildGraph(t, tc.revs)
			f := replay(g)
			if !slices.Equal(f.order, orderIDs(g)) {
				t.Errorf("visits %v, want Order %v", f.order, orderIDs(g))
			}
			for id, want := range tc.tables {
				if _, ok := f.tables[id]; !ok {
					t.Errorf("%s not visited", id)
					continue
				}
				eq(t, "tables before "+id, f.tables[id], want)
			}
			if tc.check != nil {
				tc.check(t, f)
			}
		})
	}
}

// TestReplayStateIsFresh: each revision on a fork starts from its own copy even
// when a visit simulates on a layer, and replaying twice gives the same facts.
func TestReplayStateIsFresh(t *testing.T) {
	g := buildGraph(t, []rev{
		{ID: "p0", Up: createTable("users")},
		{ID: "p1", Down: `"p0"`, Up: createTable("a")},
		{ID: "p2", Down: `"p0"`, Up: createTable("b")},
		{ID: "p3", Down: `("p1", "p2")`},
	})
	var visits []string
	g.Replay(context.Background(), func(r *Revision, before *State) {
		// simulate on a layer, as rules do; it must not leak into the replay
		l := before.Layer()
		for _, o := range r.Migration.Upgrade.Ops {
			l.Apply(r.Migration, o, r.ID)
		}
		applyUpgrade(t, l, "sim", step{up: createTable("simulated") + "\nop.drop_table(\"users\")"})
		visits = append(visits, r.ID+":"+strings.Join(tableNames(before), ","))
	})
	want := []string{"p0:", "p1:users", "p2:users", "p3:a,b,users"}
	if !slices.Equal(visits, want) {
		t.Errorf("visits = %q, want %q", visits, want)
	}
	first := replay(g)
	second := replay(g)
	for _, id := range first.order {
		if !slices.Equal(first.tables[id], second.tables[id]) {
			t.Errorf("replaying again changed the state before %s", id)
		}
	}
}

// schemaBefore describes the schema before revision id: each table with its
// columns, each enum type with its values.
func schemaBefore(g *Graph, id string) []string {
	var out []string
	g.Replay(context.Background(), func(r *Revision, before *State) {
		if r.ID == id {
			out = describe(before)
		}
	})
	return out
}

func describe(s *State) []string {
	var out []string
	for _, tb := range s.Tables() {
		var cols []string
		for _, c := range columns(tb) {
			cols = append(cols, strings.Fields(c)[0])
		}
		out = append(out, "table "+tb.Name+"("+strings.Join(cols, ",")+")")
	}
	for _, e := range s.Enums() {
		out = append(out, "enum "+e.Name+"["+strings.Join(e.Values(), ",")+"]")
	}
	slices.Sort(out)
	return out
}

// TestReplayUpgraded: a replay that goes on from the states a visit computed
// (a layer per operation, as rules do) sees the same schemas as one that
// applies every upgrade itself, across forks and merges, and when the visit
// computed only some of them.
func TestReplayUpgraded(t *testing.T) {
	g := buildGraph(t, []rev{
		{ID: "p0", Up: createTable("users") + "\nop.add_column(\"users\", sa.Column(\"email\", sa.String()))"},
		{ID: "p1", Down: `"p0"`, Up: createTable("a") + "\nop.drop_column(\"users\", \"email\")"},
		{ID: "p2", Down: `"p0"`, Up: createTable("b") + "\nop.execute(\"CREATE TYPE mood AS ENUM ('sad')\")"},
		{ID: "p3", Down: `("p1", "p2")`, Up: "op.execute(\"ALTER TYPE mood ADD VALUE 'ok'\")\nop.drop_table(\"a\")"},
		{ID: "p4", Down: `"p3"`, Up: createTable("c")},
		{ID: "p5", Down: `"p4"`, Up: createTable("d")},
	})
	want := map[string][]string{}
	g.Replay(context.Background(), func(r *Revision, before *State) { want[r.ID] = describe(before) })
	if w := strings.Join(want["p5"], " "); w != "enum mood[] table b(id) table c(id) table users(id)" {
		t.Fatalf("the fixture replays to %q", w)
	}
	for _, upgrades := range [][]string{{"p0", "p1", "p2", "p3", "p4", "p5"}, {"p0", "p2", "p3"}, {"p1", "p4"}} {
		got := map[string][]string{}
		g.ReplayUpgraded(context.Background(), func(r *Revision, before *State) *State {
			got[r.ID] = describe(before)
			if !slices.Contains(upgrades, r.ID) {
				return nil
			}
			s := before
			for _, o := range r.Migration.Upgrade.Ops {
				s = s.Layer()
				s.Apply(r.Migration, o, r.ID)
			}
			return s
		}, nil)
		for id, w := range want {
			if !slices.Equal(got[id], w) {
				t.Errorf("upgrades of %v done by the visit: before %s %q, want %q", upgrades, id, got[id], w)
			}
		}
	}
}

// TestReplayMerge: at a merge the schema is what the database holds once both
// branches ran from their fork point, whichever parent comes first.
func TestReplayMerge(t *testing.T) {
	const base = `op.create_table("legacy", sa.Column("id", sa.Integer()), sa.Column("old", sa.Integer()))
sa.Enum("sad", "ok", name="mood").create(op.get_bind())`
	tests := []struct {
		name        string
		left, right string // the upgrades of the two branches (left is the merge's first parent)
		want        []string
		// swapped is the schema when right is the first parent, where the
		// order the branches run in matters (nil: the same as want)
		swapped []string
	}{
		{
			name: "a table dropped on one branch is gone",
			left: `op.drop_table("legacy")`,
			want: []string{"enum mood[sad,ok]"},
		},
		{
			name:  "tables created on either branch are there",
			left:  createTable("a"),
			right: createTable("b"),
			want:  []string{"enum mood[sad,ok]", "table a(id)", "table b(id)", "table legacy(id,old)"},
		},
		{
			name:  "column changes of both branches add up",
			left:  `op.add_column("legacy", sa.Column("x", sa.Integer()))`,
			right: `op.add_column("legacy", sa.Column("y", sa.Integer()))` + "\n" + `op.drop_column("legacy", "old")`,
			want:  []string{"enum mood[sad,ok]", "table legacy(id,x,y)"},
		},
		{
			name:  "dropped on one branch, altered on the other: the drop wins",
			left:  `op.drop_table("legacy")`,
			right: `op.add_column("legacy", sa.Column("y", sa.Integer()))` + "\n" + `op.alter_column("legacy", "old", nullable=False)`,
			want:  []string{"enum mood[sad,ok]"},
		},
		{
			name:    "a table renamed on one branch is not brought back by the other",
			left:    `op.rename_table("legacy", "current")`,
			right:   `op.add_column("legacy", sa.Column("y", sa.Integer()))`,
			want:    []string{"enum mood[sad,ok]", "table current(id,old)"},
			swapped: []string{"enum mood[sad,ok]", "table current(id,old,y)"}, // the column was added before the rename
		},
		{
			name: "enum types on both branches: created, dropped and extended",
			left: `op.execute("ALTER TYPE mood ADD VALUE 'happy'")` + "\n" +
				`op.create_table("l", sa.Column("k", sa.Enum("p", "q", name="left_kind")))`,
			right: `op.execute("ALTER TYPE mood ADD VALUE 'angry'")` + "\n" +
				`sa.Enum("r", name="right_kind").create(op.get_bind())`,
			want:    []string{"enum left_kind[p,q]", "enum mood[sad,ok,happy,angry]", "enum right_kind[r]", "table l(k)", "table legacy(id,old)"},
			swapped: []string{"enum left_kind[p,q]", "enum mood[sad,ok,angry,happy]", "enum right_kind[r]", "table l(k)", "table legacy(id,old)"},
		},
		{
			name:  "an enum type dropped on one branch is gone",
			left:  `sa.Enum(name="mood").drop(op.get_bind())`,
			right: `op.execute("ALTER TYPE mood ADD VALUE 'angry'")`,
			want:  []string{"table legacy(id,old)"},
		},
	}
	for _, tc := range tests {
		for _, swap := range []bool{false, true} {
			name, left, right, want := tc.name, tc.left, tc.right, tc.want
			if swap {
				name += " (branches swapped)"
				left, right = right, left
				if tc.swapped != nil {
					want = tc.swapped
				}
			}
			t.Run(name, func(t *testing.T) {
				revs := []rev{
					{ID: "b0", Up: base},
					{ID: "l1", Down: `"b0"`, Up: left},
					{ID: "r1", Down: `"b0"`, Up: right},
					{ID: "l2", Down: `"l1"`}, // branches longer than one revision
					{ID: "r2", Down: `"r1"`},
					{ID: "m", Down: `("l2", "r2")`},
				}
				for i := range revs {
					if revs[i].Up == "" {
						revs[i].Up = "pass"
					}
				}
				eq(t, "schema before the merge", schemaBefore(buildGraph(t, revs), "m"), want)
			})
		}
	}
}

// TestReplayMergeAgain: a branch merged twice is not replayed twice: what the
// first merge brought in and a later revision dropped stays dropped.
func TestReplayMergeAgain(t *testing.T) {
	g := buildGraph(t, []rev{
		{ID: "a0", Up: createTable("base")},
		{ID: "a1", Down: `"a0"`, Up: "pass"},
		{ID: "b1", Down: `"a0"`, Up: createTable("feature")},
		{ID: "m1", Down: `("a1", "b1")`, Up: "pass"},
		{ID: "a2", Down: `"m1"`, Up: `op.drop_table("feature")`},
		{ID: "b2", Down: `"b1"`, Up: createTable("more")},
		{ID: "m2", Down: `("a2", "b2")`, Up: "pass"},
		{ID: "c1", Down: `"a2"`, Up: createTable("crossed")},
		{ID: "m3", Down: `("b2", "c1")`, Up: "pass"}, // the first parent is the branch this time
	})
	eq(t, "schema before m1", schemaBefore(g, "m1"), []string{"table base(id)", "table feature(id)"})
	eq(t, "schema before m2", schemaBefore(g, "m2"), []string{"table base(id)", "table more(id)"})
	eq(t, "schema before m3", schemaBefore(g, "m3"), []string{"table base(id)", "table crossed(id)", "table more(id)"})
}

// TestReplayDependsOn: a depends_on link brings in the other branch like a
// merge, drops included.
func TestReplayDependsOn(t *testing.T) {
	g := buildGraph(t, []rev{
		{ID: "d0", Up: createTable("shared") + "\n" + createTable("gone")},
		{ID: "d1", Down: `"d0"`, Up: `op.drop_table("gone")`, Labels: `("other",)`},
		{ID: "d2", Down: `"d0"`, Up: createTable("mine")},
		{ID: "d3", Down: `"d2"`, Depends: `"d1"`, Up: "pass"},
		{ID: "root", Depends: `("d1", "d2")`, Up: "pass"},
	})
	eq(t, "schema before d3", schemaBefore(g, "d3"), []string{"table mine(id)", "table shared(id)"})
	eq(t, "schema before root", schemaBefore(g, "root"), []string{"table mine(id)", "table shared(id)"})
}

// TestReplayStopsWhenCancelled: the replay visits no revision after its
// context is done (a cancelled MCP call stops there).
func TestReplayStopsWhenCancelled(t *testing.T) {
	g := buildGraph(t, []rev{{ID: "r1", Up: createTable("a")}, {ID: "r2", Down: `"r1"`}, {ID: "r3", Down: `"r2"`}})
	ctx, cancel := context.WithCancel(context.Background())
	var visited []string
	g.Replay(ctx, func(r *Revision, _ *State) {
		visited = append(visited, r.ID)
		cancel()
	})
	eq(t, "visited", visited, []string{"r1"})
}
