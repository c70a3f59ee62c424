package history

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

func TestGraphFacts(t *testing.T) {
	tests := []struct {
		name     string
		revs     []rev
		heads    []string
		bases    []string
		merges   []string
		labels   map[string]string
		order    []string // exact Order, when given
		dangling []string // "revision down_revision|depends_on target"
		cycles   [][]string
		check    func(t *testing.T, g *Graph)
	}{
		{
			name: "linear chain",
			revs: []rev{
				{ID: "1a2b3c4d5e6f"},
				{ID: "2b3c4d5e6f70", Down: `"1a2b3c4d5e6f"`},
				{ID: "3c4d5e6f7081", Down: `"2b3c4d5e6f70"`},
			},
			heads: []string{"3c4d5e6f7081"},
			bases: []string{"1a2b3c4d5e6f"},
			order: []string{"1a2b3c4d5e6f", "2b3c4d5e6f70", "3c4d5e6f7081"},
			check: func(t *testing.T, g *Graph) {
				mid := g.Revisions["2b3c4d5e6f70"]
				if !slices.Equal(mid.Parents, []string{"1a2b3c4d5e6f"}) || !slices.Equal(mid.Children, []string{"3c4d5e6f7081"}) {
					t.Errorf("middle revision: parents %v children %v", mid.Parents, mid.Children)
				}
			},
		},
		{
			name: "branch and merge with a down_revision tuple",
			revs: []rev{
				{ID: "aaaa00000001"},
				{ID: "bbbb00000002", Down: `"aaaa00000001"`},
				{ID: "cccc00000003", Down: `"aaaa00000001"`},
				{ID: "dddd00000004", Down: `("bbbb00000002", "cccc00000003")`},
			},
			heads:  []string{"dddd00000004"},
			bases:  []string{"aaaa00000001"},
			merges: []string{"dddd00000004"},
			order:  []string{"aaaa00000001", "bbbb00000002", "cccc00000003", "dddd00000004"},
			check: func(t *testing.T, g *Graph) {
				if got := g.Revisions["dddd00000004"].Parents; !slices.Equal(got, []string{"bbbb00000002", "cccc00000003"}) {
					t.Errorf("merge parents = %v", got)
				}
				children := slices.Sorted(slices.Values(g.Revisions["aaaa00000001"].Children))
				if !slices.Equal(children, []string{"bbbb00000002", "cccc00000003"}) {
					t.Errorf("base children = %v", children)
				}
			},
		},
		{
			name: "two bases with branch labels explain two heads",
			revs: []rev{
				{ID: "5a0000000001", Labels: `("shop",)`},
				{ID: "5a0000000002", Down: `"5a0000000001"`},
				{ID: "b1000000000a", Labels: `"billing"`},
				{ID: "b1000000000b", Down: `"b1000000000a"`},
			},
			heads:  []string{"5a0000000002", "b1000000000b"},
			bases:  []string{"5a0000000001", "b1000000000a"},
			labels: map[string]string{"shop": "5a0000000001", "billing": "b1000000000a"},
		},
		{
			name: "two unlabelled heads",
			revs: []rev{
				{ID: "0f0000000001"},
				{ID: "1e0000000002", Down: `"0f0000000001"`},
				{ID: "2d0000000003", Down: `"0f0000000001"`},
			},
			heads: []string{"1e0000000002", "2d0000000003"},
			bases: []string{"0f0000000001"},
		},
		{
			name: "two heads under one label are not explained",
			revs: []rev{
				{ID: "0f0000000001", Labels: `("core",)`},
				{ID: "1e0000000002", Down: `"0f0000000001"`},
				{ID: "2d0000000003", Down: `"0f0000000001"`},
			},
			heads:  []string{"1e0000000002", "2d0000000003"},
			bases:  []string{"0f0000000001"},
			labels: map[string]string{"core": "0f0000000001"},
		},
		{
			name: "a labelled branch and an unlabelled one",
			revs: []rev{
				{ID: "0f0000000001", Labels: `("core",)`},
				{ID: "1e0000000002", Down: `"0f0000000001"`},
				{ID: "9e0000000009"},
			},
			heads:  []string{"1e0000000002", "9e0000000009"},
			bases:  []string{"0f0000000001", "9e0000000009"},
			labels: map[string]string{"core": "0f0000000001"},
		},
		{
			name: "depends_on an existing revision",
			revs: []rev{
				{ID: "a10000000001"},
				{ID: "a20000000002", Down: `"a10000000001"`},
				{ID: "a30000000003", Down: `"a20000000002"`, Depends: `"a10000000001"`},
			},
			heads: []string{"a30000000003"},
			bases: []string{"a10000000001"},
			order: []string{"a10000000001", "a20000000002", "a30000000003"},
			check: func(t *testing.T, g *Graph) {
				if got := g.Revisions["a30000000003"].DependsOn; !slices.Equal(got, []string{"a10000000001"}) {
					t.Errorf("DependsOn = %v", got)
				}
				if got := g.Revisions["a30000000003"].Parents; !slices.Equal(got, []string{"a20000000002"}) {
					t.Errorf("depends_on must not become a parent: %v", got)
				}
			},
		},
		{
			name: "depends_on a branch label of another base",
			revs: []rev{
				{ID: "c00000000001", Labels: `("core",)`},
				{ID: "c00000000002", Down: `"c00000000001"`},
				{ID: "e00000000001", Labels: `("ext",)`, Depends: `("core",)`},
			},
			heads:  []string{"c00000000002", "e00000000001"},
			bases:  []string{"c00000000001", "e00000000001"},
			labels: map[string]string{"core": "c00000000001", "ext": "e00000000001"},
		},
		{
			name: "depends_on a missing revision",
			revs: []rev{
				{ID: "a10000000001"},
				{ID: "a20000000002", Down: `"a10000000001"`, Depends: `"ffff00000000"`},
			},
			heads:    []string{"a20000000002"},
			bases:    []string{"a10000000001"},
			dangling: []string{"a20000000002 depends_on ffff00000000"},
		},
		{
			name: "missing down_revision with a did-you-mean for a prefix",
			revs: []rev{
				{ID: "3f2a9c1d4e5b"},
				{ID: "4e5b6c7d8e9f", Down: `"3f2a9c"`},
			},
			heads:    []string{"3f2a9c1d4e5b", "4e5b6c7d8e9f"},
			bases:    []string{"3f2a9c1d4e5b"}, // a revision with a dangling parent is not a base
			dangling: []string{"4e5b6c7d8e9f down_revision 3f2a9c"},
			check: func(t *testing.T, g *Graph) {
				r := g.Revisions["4e5b6c7d8e9f"]
				if len(r.Parents) != 0 {
					t.Errorf("dangling parent kept: %v", r.Parents)
				}
				if !slices.Contains(orderIDs(g), "4e5b6c7d8e9f") {
					t.Errorf("revision with a missing parent left out of Order: %v", orderIDs(g))
				}
			},
		},
		{
			name: "missing down_revision without a close id",
			revs: []rev{
				{ID: "3f2a9c1d4e5b"},
				{ID: "4e5b6c7d8e9f", Down: `("3f2a9c1d4e5b", "77aa88bb99cc")`},
			},
			heads:    []string{"4e5b6c7d8e9f"},
			bases:    []string{"3f2a9c1d4e5b"},
			dangling: []string{"4e5b6c7d8e9f down_revision 77aa88bb99cc"},
			check: func(t *testing.T, g *Graph) {
				if got := g.Revisions["4e5b6c7d8e9f"].Parents; !slices.Equal(got, []string{"3f2a9c1d4e5b"}) {
					t.Errorf("existing parent of a half-dangling merge lost: %v", got)
				}
			},
		},
		{
			name: "empty-string down_revision",
			revs: []rev{
				{ID: "e10000000001"},
				{ID: "e20000000002", Down: `"e10000000001"`},
				{ID: "e30000000003", Down: `""`},
			},
			heads:    []string{"e20000000002", "e30000000003"},
			bases:    []string{"e10000000001"},
			dangling: []string{"e30000000003 down_revision "},
		},
		{
			name: "duplicate revision id in two files",
			revs: []rev{
				{ID: "d00000000001"},
				{ID: "d00000000002", Down: `"d00000000001"`, File: "0002_first.py"},
				{ID: "d00000000002", Down: `"d00000000001"`, File: "0003_second.py"},
			},
			heads: []string{"d00000000002"},
			bases: []string{"d00000000001"},
			check: func(t *testing.T, g *Graph) {
				if len(g.Duplicates) != 1 || !strings.HasSuffix(g.Duplicates[0].Migration.Path, "0003_second.py") || g.Duplicates[0].Of != g.Revisions["d00000000002"] {
					t.Errorf("want the second file as a duplicate of the first: %+v", g.Duplicates)
				}
				if got := g.Revisions["d00000000002"].Path; !strings.HasSuffix(got, "0002_first.py") {
					t.Errorf("the first file should win: %s", got)
				}
			},
		},
		{
			name: "two-revision cycle",
			revs: []rev{
				{ID: "aa", Down: `"bb"`},
				{ID: "bb", Down: `"aa"`},
			},
			order:  []string{},
			cycles: [][]string{{"aa", "bb"}},
		},
		{
			name: "three-revision cycle",
			revs: []rev{
				{ID: "r1", Down: `"r3"`},
				{ID: "r2", Down: `"r1"`},
				{ID: "r3", Down: `"r2"`},
			},
			order:  []string{},
			cycles: [][]string{{"r1", "r3", "r2"}},
		},
		{
			name:   "self cycle",
			revs:   []rev{{ID: "loop", Down: `"loop"`}},
			order:  []string{},
			cycles: [][]string{{"loop"}},
		},
		{
			name: "a cycle beside a healthy chain",
			revs: []rev{
				{ID: "h1"},
				{ID: "h2", Down: `"h1"`},
				{ID: "h3", Down: `"h2"`},
				{ID: "x1", Down: `"x2"`},
				{ID: "x2", Down: `"x1"`},
				{ID: "x3", Down: `"x2"`}, // hangs below the cycle: not on it, not orderable
			},
			heads:  []string{"h3", "x3"},
			bases:  []string{"h1"},
			order:  []string{"h1", "h2", "h3"},
			cycles: [][]string{{"x1", "x2"}},
		},
		{
			name: "two separate cycles",
			revs: []rev{
				{ID: "a1", Down: `"a2"`},
				{ID: "a2", Down: `"a1"`},
				{ID: "b1", Down: `"b2"`},
				{ID: "b2", Down: `"b3"`},
				{ID: "b3", Down: `"b1"`},
			},
			order:  []string{},
			cycles: [][]string{{"a1", "a2"}, {"b1", "b2", "b3"}},
		},
		{
			name: "non-hex revision ids",
			revs: []rev{
				{ID: "0132_add_users", File: "0132_add_users.py"},
				{ID: "0133_set_prefix", Down: `"0132_add_users"`, File: "0133_set_prefix.py"},
				{ID: "kilo", Down: `"0133_set_prefix"`, File: "kilo.py"},
			},
			heads: []string{"kilo"},
			bases: []string{"0132_add_users"},
			order: []string{"0132_add_users", "0133_set_prefix", "kilo"},
		},
		{
			name: "annotated header variables",
			revs: []rev{
				{ID: "an0000000001", Raw: "from typing import Sequence, Union\nfrom alembic import op\n\nrevision: str = \"an0000000001\"\ndown_revision: Union[str, None] = None\nbranch_labels: Union[str, Sequence[str], None] = None\ndepends_on: Union[str, Sequence[str], None] = None\n\n\ndef upgrade() -> None:\n    pass\n"},
				{ID: "an0000000002", Raw: "from typing import Sequence, Union\nfrom alembic import op\n\nrevision: str = \"an0000000002\"\ndown_revision: Union[str, None] = \"an0000000001\"\nbranch_labels: Union[str, Sequence[str], None] = (\"main\",)\ndepends_on: Union[str, Sequence[str], None] = None\n\n\ndef upgrade() -> None:\n    pass\n"},
			},
			heads:  []string{"an0000000002"},
			bases:  []string{"an0000000001"},
			labels: map[string]string{"main": "an0000000002"},
			order:  []string{"an0000000001", "an0000000002"},
		},
		{
			name: "files that cannot be revisions",
			revs: []rev{
				{ID: "ok0000000001"},
				{File: "helpers.py", Raw: "\"\"\"shared helpers, not a revision\"\"\"\nimport sqlalchemy as sa\n\n\ndef utc_now():\n    return sa.func.now()\n"},
				{File: "computed.py", Raw: "import uuid\nrevision = uuid.uuid4().hex\ndown_revision = None\n"},
				{File: "imported.py", Raw: "from ._ids import REV\nrevision = REV\ndown_revision = None\n"},
			},
			heads: []string{"ok0000000001"},
			bases: []string{"ok0000000001"},
			check: func(t *testing.T, g *Graph) {
				if len(g.Revisions) != 1 {
					t.Errorf("revisions = %v", setKeysRev(g))
				}
				var skipped []string
				for _, s := range g.Skipped {
					skipped = append(skipped, filepath.Base(s.Path)+": "+s.Reason)
				}
				slices.Sort(skipped)
				want := []string{
					"computed.py: the revision id is computed, not a literal string: it cannot be checked statically",
					"helpers.py: no literal `revision = \"...\"` at module level; Alembic cannot load this file as a revision",
					"imported.py: the revision id is computed, not a literal string: it cannot be checked statically",
				}
				if !slices.Equal(skipped, want) {
					t.Errorf("Skipped = %q, want %q", skipped, want)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := buildGraph(t, tc.revs)
			if got := nilIfEmpty(g.Heads); !slices.Equal(got, nilIfEmpty(tc.heads)) {
				t.Errorf("Heads = %v, want %v", got, tc.heads)
			}
			if got := nilIfEmpty(g.Bases); !slices.Equal(got, nilIfEmpty(tc.bases)) {
				t.Errorf("Bases = %v, want %v", got, tc.bases)
			}
			if got := nilIfEmpty(g.Merges); !slices.Equal(got, nilIfEmpty(tc.merges)) {
				t.Errorf("Merges = %v, want %v", got, tc.merges)
			}
			if len(g.BranchLabels) != len(tc.labels) {
				t.Errorf("BranchLabels = %v, want %v", g.BranchLabels, tc.labels)
			}
			for l, id := range tc.labels {
				if g.BranchLabels[l] != id {
					t.Errorf("BranchLabels[%q] = %q, want %q", l, g.BranchLabels[l], id)
				}
			}
			if tc.order != nil {
				if got := orderIDs(g); !slices.Equal(nilIfEmpty(got), nilIfEmpty(tc.order)) {
					t.Errorf("Order = %v, want %v", got, tc.order)
				}
			}
			checkDefects(t, g, tc.dangling, tc.cycles)
			checkTopological(t, g)
			if tc.check != nil {
				tc.check(t, g)
			}
		})
	}
}

func setKeysRev(g *Graph) []string {
	var out []string
	for id := range g.Revisions {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// checkDefects compares the dangling references and the cycles with the wanted ones.
func checkDefects(t *testing.T, g *Graph, dangling []string, cycles [][]string) {
	t.Helper()
	var got []string
	for _, d := range g.Dangling {
		field := "down_revision"
		if d.DependsOn {
			field = "depends_on"
		}
		got = append(got, d.Revision.ID+" "+field+" "+d.Target)
	}
	if !slices.Equal(got, dangling) {
		t.Errorf("Dangling = %q, want %q", got, dangling)
	}
	if !slices.EqualFunc(g.Cycles, cycles, slices.Equal) {
		t.Errorf("Cycles = %q, want %q", g.Cycles, cycles)
	}
}

// checkTopological: every revision in Order comes after all of its parents, once.
func checkTopological(t *testing.T, g *Graph) {
	t.Helper()
	pos := map[string]int{}
	for i, r := range g.Order {
		if _, dup := pos[r.ID]; dup {
			t.Errorf("%s twice in Order", r.ID)
		}
		pos[r.ID] = i
	}
	for _, r := range g.Order {
		for _, p := range r.Parents {
			pp, ok := pos[p]
			if !ok || pp >= pos[r.ID] {
				t.Errorf("parent %s of %s not before it in Order %v", p, r.ID, orderIDs(g))
			}
		}
	}
}

// TestOrderDeterministic builds a random DAG with forks and merges and checks that
// Order is topological and does not depend on the order the files arrive in.
func TestOrderDeterministic(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	var revs []rev
	ids := []string{}
	for i := range 40 {
		id := fmt.Sprintf("%04x%08x", i*7919%65536, rng.Uint32())
		r := rev{ID: id}
		switch {
		case i == 0:
		case i%9 == 0 && len(ids) > 3:
			a, b := ids[rng.Intn(len(ids))], ids[rng.Intn(len(ids))]
			if a != b {
				r.Down = fmt.Sprintf("(%q, %q)", a, b)
			} else {
				r.Down = fmt.Sprintf("%q", a)
			}
		default:
			r.Down = fmt.Sprintf("%q", ids[rng.Intn(len(ids))])
		}
		ids = append(ids, id)
		revs = append(revs, r)
	}
	g := buildGraph(t, revs)
	if len(g.Order) != len(revs) {
		t.Fatalf("Order has %d of %d revisions", len(g.Order), len(revs))
	}
	checkTopological(t, g)
	want := orderIDs(g)

	var models []*migration.Migration
	for _, r := range g.Revisions {
		models = append(models, r.Migration)
	}
	for i := range 5 {
		rng.Shuffle(len(models), func(a, b int) { models[a], models[b] = models[b], models[a] })
		again := Build(g.Dir, models)
		if got := orderIDs(again); !slices.Equal(got, want) {
			t.Fatalf("shuffle %d: Order differs:\n got %v\nwant %v", i, got, want)
		}
		if !slices.Equal(again.Heads, g.Heads) || !slices.Equal(again.Bases, g.Bases) || !slices.Equal(again.Merges, g.Merges) {
			t.Fatalf("shuffle %d: heads/bases/merges differ", i)
		}
	}
	for range 3 {
		dir := g.Dir
		if got := orderIDs(loadDir(t, dir).Graph); !slices.Equal(got, want) {
			t.Fatalf("reload: Order differs")
		}
	}
}

// TestLongListsAreCut: errors name at most brief.Names heads or prefix
// matches (3,000 heads were listed in each).
func TestLongListsAreCut(t *testing.T) {
	revs := []rev{{ID: "base"}}
	for i := range 30 {
		revs = append(revs, rev{ID: fmt.Sprintf("head%02d", i), Down: `"base"`})
	}
	g := buildGraph(t, revs)
	if _, err := g.Resolve("head"); err == nil || !strings.Contains(err.Error(), "has 30 heads (head00, ") || !strings.Contains(err.Error(), "and 20 more); name one") {
		t.Errorf("Resolve(head): %v", err)
	}
	if _, err := g.Resolve("hea"); err == nil || !strings.HasSuffix(err.Error(), "head09 and 20 more") {
		t.Errorf("Resolve(hea): %v", err)
	}
}
