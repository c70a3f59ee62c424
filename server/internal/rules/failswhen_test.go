package rules_test

import (
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// TestSeverityFollowsCertainty: every rule says when its problem fails, and
// the severity follows: an error fails on every database, a failure that
// needs some data is not an error, and the zero-downtime rules are about load.
func TestSeverityFollowsCertainty(t *testing.T) {
	for _, r := range rules.All() {
		fails := r.Doc.FailsWhen
		switch {
		case fails == "":
			t.Errorf("%s: the docs do not say when it fails (Doc.FailsWhen)", r.ID)
		case r.Profile == rules.ZeroDowntime && !strings.HasPrefix(fails, "Under load"):
			t.Errorf("%s is a zero-downtime rule, but fails %q", r.ID, fails)
		case r.Severity == rules.Error && !strings.HasPrefix(fails, "On every "):
			t.Errorf("%s is an error, but does not fail on every database: %q", r.ID, fails)
		case r.Severity != rules.Error && strings.HasPrefix(fails, "On every database:"):
			t.Errorf("%s fails on every database (%q), but is a %s", r.ID, fails, r.Severity)
		}
	}
}
