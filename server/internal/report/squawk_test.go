package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// TestSquawkNames: every squawk rule a rule claims to cover is one of squawk's,
// and the table links it to that rule.
func TestSquawkNames(t *testing.T) {
	table := SquawkComparison()
	for _, r := range rules.All() {
		for _, id := range r.Doc.Squawk {
			if !slices.ContainsFunc(squawkRules, func(s squawkRule) bool { return s.id == id }) {
				t.Errorf("%s names squawk rule %q, which is not in squawkRules", r.ID, id)
			}
			if !strings.Contains(table, "/docs/"+id+") |") || !strings.Contains(table, "["+r.ID+"]("+r.ID+".md)") {
				t.Errorf("the comparison does not link squawk's %s to %s", id, r.ID)
			}
		}
	}
}
