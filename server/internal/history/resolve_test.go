package history

import (
	"slices"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	linear := []rev{
		{ID: "a1b2c3d4e5f6", Labels: `("main",)`},
		{ID: "a1b9c8d7e6f5", Down: `"a1b2c3d4e5f6"`},
		{ID: "c0ffee123456", Down: `"a1b9c8d7e6f5"`},
		{ID: "d00d12345678", Down: `"c0ffee123456"`},
	}
	twoHeads := []rev{
		{ID: "0f0000000001"},
		{ID: "1e0000000002", Down: `"0f0000000001"`},
		{ID: "2d0000000003", Down: `"0f0000000001"`},
	}
	labelled := []rev{
		{ID: "5a0000000001", Labels: `("shop",)`},
		{ID: "5a0000000002", Down: `"5a0000000001"`},
		{ID: "5a0000000003", Down: `"5a0000000002"`},
		{ID: "b1000000000a", Labels: `("billing",)`},
		{ID: "b1000000000b", Down: `"b1000000000a"`, Labels: `("invoices",)`},
	}
	merge := []rev{
		{ID: "m0"},
		{ID: "m1a", Down: `"m0"`},
		{ID: "m1b", Down: `"m0"`},
		{ID: "m2", Down: `("m1b", "m1a")`},
	}
	nonHex := []rev{
		{ID: "0132_add_users"},
		{ID: "0133_set_prefix", Down: `"0132_add_users"`},
		{ID: "kilo", Down: `"0133_set_prefix"`},
	}
	tests := []struct {
		name    string
		revs    []rev
		spec    string
		want    []string
		wantErr []string // substrings of the error
	}{
		{"head", linear, "head", []string{"d00d12345678"}, nil},
		{"empty spec is head", linear, "", []string{"d00d12345678"}, nil},
		{"spaces around", linear, "  head ", []string{"d00d12345678"}, nil},
		{"heads", linear, "heads", []string{"d00d12345678"}, nil},
		{"base", linear, "base", []string{"a1b2c3d4e5f6"}, nil},
		{"full id", linear, "c0ffee123456", []string{"c0ffee123456"}, nil},
		{"unique prefix", linear, "c0f", []string{"c0ffee123456"}, nil},
		{"ambiguous prefix", linear, "a1b", nil, []string{"ambiguous", "a1b2c3d4e5f6", "a1b9c8d7e6f5"}},
		{"unknown id", linear, "ffff", nil, []string{`no revision "ffff"`}},
		{"label@head", linear, "main@head", []string{"d00d12345678"}, nil},
		{"bare branch label", linear, "main", []string{"a1b2c3d4e5f6"}, nil},
		{"unknown label@head", linear, "nope@head", nil, []string{`"nope"`}},
		{"head-1", linear, "head-1", []string{"c0ffee123456"}, nil},
		{"-2", linear, "-2", []string{"a1b9c8d7e6f5"}, nil},
		{"head-3 reaches the base", linear, "head-3", []string{"a1b2c3d4e5f6"}, nil},
		{"head-0", linear, "head-0", []string{"d00d12345678"}, nil},
		{"below base", linear, "head-4", nil, []string{"below the base"}},
		{"-N below base", linear, "-9", nil, []string{"below the base"}},
		{"head with two heads", twoHeads, "head", nil, []string{"heads", "1e0000000002", "2d0000000003"}},
		{"head-1 with two heads", twoHeads, "head-1", nil, []string{"heads"}},
		{"heads with two heads", twoHeads, "heads", []string{"1e0000000002", "2d0000000003"}, nil},
		{"shop@head", labelled, "shop@head", []string{"5a0000000003"}, nil},
		{"billing@head", labelled, "billing@head", []string{"b1000000000b"}, nil},
		{"label on a head", labelled, "invoices@head", []string{"b1000000000b"}, nil},
		{"two bases", labelled, "base", []string{"5a0000000001", "b1000000000a"}, nil},
		{"bare label", labelled, "billing", []string{"b1000000000a"}, nil},
		{"head-1 across a merge follows the first parent", merge, "head-1", []string{"m1b"}, nil},
		{"head-2 across a merge", merge, "-2", []string{"m0"}, nil},
		{"non-hex full id", nonHex, "0133_set_prefix", []string{"0133_set_prefix"}, nil},
		{"non-hex prefix", nonHex, "0133", []string{"0133_set_prefix"}, nil},
		{"non-hex ambiguous prefix", nonHex, "013", nil, []string{"0132_add_users", "0133_set_prefix"}},
		{"word id", nonHex, "kilo", []string{"kilo"}, nil},
	}
	graphs := map[string]*Graph{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			key := tc.revs[0].ID
			g := graphs[key]
			if g == nil {
				g = buildGraph(t, tc.revs)
				graphs[key] = g
			}
			got, err := g.Resolve(tc.spec)
			if tc.wantErr != nil {
				if err == nil {
					t.Fatalf("Resolve(%q) = %v, want an error", tc.spec, revIDs(got))
				}
				for _, s := range tc.wantErr {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not mention %q", err, s)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tc.spec, err)
			}
			if ids := revIDs(got); !slices.Equal(ids, tc.want) {
				t.Errorf("Resolve(%q) = %v, want %v", tc.spec, ids, tc.want)
			}
			for _, r := range got {
				if r == nil || g.Revisions[r.ID] != r {
					t.Errorf("Resolve returned a revision not in the graph: %+v", r)
				}
			}
		})
	}
}

func TestResolveOnCycle(t *testing.T) {
	// every revision of the cycle has a child, so the labelled one has no head
	// above it: resolving must fail, not loop
	g := buildGraph(t, []rev{
		{ID: "aa", Down: `"bb"`, Labels: `("loop",)`},
		{ID: "bb", Down: `"aa"`},
	})
	if _, err := g.Resolve("loop@head"); err == nil {
		t.Errorf("loop@head on a cycle resolved")
	}
	if _, err := g.Resolve("head"); err == nil {
		t.Errorf("head of a graph that is only a cycle resolved")
	}
	if got, err := g.Resolve("loop"); err != nil || len(got) != 1 || got[0].ID != "aa" {
		t.Errorf("bare label on a cycle: %v %v", revIDs(got), err)
	}
}

func TestDescendantsAncestors(t *testing.T) {
	// m0 -> m1a, m1b -> m2 (merge) -> m3; s1 hangs off m1a
	g := buildGraph(t, []rev{
		{ID: "m0"},
		{ID: "m1a", Down: `"m0"`},
		{ID: "m1b", Down: `"m0"`},
		{ID: "m2", Down: `("m1a", "m1b")`},
		{ID: "m3", Down: `"m2"`},
		{ID: "s1", Down: `"m1a"`, Labels: `("side",)`},
	})
	tests := []struct {
		id          string
		descendants []string
		ancestors   []string
	}{
		{"m0", []string{"m1a", "m1b", "m2", "m3", "s1"}, []string{}},
		{"m1a", []string{"m2", "m3", "s1"}, []string{"m0"}},
		{"m1b", []string{"m2", "m3"}, []string{"m0"}},
		{"m2", []string{"m3"}, []string{"m0", "m1a", "m1b"}},
		{"m3", []string{}, []string{"m0", "m1a", "m1b", "m2"}},
		{"s1", []string{}, []string{"m0", "m1a"}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			if got := setKeys(g.Descendants(tc.id)); !slices.Equal(got, tc.descendants) {
				t.Errorf("Descendants(%s) = %v, want %v", tc.id, got, tc.descendants)
			}
			if got := setKeys(g.Ancestors(tc.id)); !slices.Equal(got, tc.ancestors) {
				t.Errorf("Ancestors(%s) = %v, want %v", tc.id, got, tc.ancestors)
			}
		})
	}
	// m3 and s1 are heads; s1 is labelled, m3 is not
	if !slices.Equal(g.Heads, []string{"m3", "s1"}) {
		t.Errorf("heads = %v", g.Heads)
	}
	checkSound(t, g)
}

func TestDescendantsAncestorsUnknownID(t *testing.T) {
	g := buildGraph(t, []rev{{ID: "a1"}, {ID: "a2", Down: `"a1"`}})
	if got := g.Descendants("nope"); len(got) != 0 {
		t.Errorf("Descendants(unknown) = %v", got)
	}
	if got := g.Ancestors("nope"); len(got) != 0 {
		t.Errorf("Ancestors(unknown) = %v", got)
	}
}

func TestDescendantsAncestorsOnCycle(t *testing.T) {
	g := buildGraph(t, []rev{
		{ID: "x1", Down: `"x3"`},
		{ID: "x2", Down: `"x1"`},
		{ID: "x3", Down: `"x2"`},
	})
	if got := setKeys(g.Descendants("x1")); !slices.Equal(got, []string{"x1", "x2", "x3"}) {
		t.Errorf("Descendants on a cycle = %v", got)
	}
	if got := setKeys(g.Ancestors("x1")); !slices.Equal(got, []string{"x1", "x2", "x3"}) {
		t.Errorf("Ancestors on a cycle = %v", got)
	}
}
