package rules

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// TestUnnamedConstraintFixSafety: a name PostgreSQL chooses is only safe to
// write when the dialect is certain; the naming convention's name is, when
// env.py's target_metadata leads to it, and a convention converting names
// written for the type gets op.f().
func TestUnnamedConstraintFixSafety(t *testing.T) {
	rule, _ := Get("unnamed-constraint")
	fixes := func(c string) []string {
		var out []string
		for _, d := range RunOn(t, filepath.Join("testdata", "unnamed-constraint", c), rule) {
			for _, f := range d.Fixes {
				out = append(out, fmt.Sprintf("%d %s %s", d.Span.StartLine, f.Safety, f.Edits[0].NewText))
			}
		}
		slices.Sort(out)
		return out
	}
	for c, want := range map[string][]string{
		"assumed_dialect":         {"21 unsafe 'child_parent_id_fkey'", "27 unsafe 'child_parent_id_fkey'"},
		"autogen_fk":              {"21 safe 'child_parent_id_fkey'", "27 safe 'child_parent_id_fkey'"},
		"convention_fails":        {`19 safe "fk_child_parent_id_parent"`},
		"drop_only_fk_convention": {`15 unsafe op.f("fk_child_parent")`},
	} {
		if got := fixes(c); !slices.Equal(got, want) {
			t.Errorf("%s: fixes %q, want %q", c, got, want)
		}
	}
}
