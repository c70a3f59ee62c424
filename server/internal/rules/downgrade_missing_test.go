package rules

import (
	"path/filepath"
	"testing"
)

func TestDowngradeMissing(t *testing.T) { runFixtures(t, "downgrade-missing") }

func TestDowngradeMissingRaiseIsInfo(t *testing.T) {
	rule, _ := Get("downgrade-missing")
	for _, d := range RunOn(t, filepath.Join("testdata", "downgrade-missing", "raise_only"), rule) {
		if d.Severity != Info {
			t.Errorf("a raising downgrade is an explicit choice: want info, got %s", d.Severity)
		}
	}
	for _, d := range RunOn(t, filepath.Join("testdata", "downgrade-missing", "not_invertible"), rule) {
		if d.Severity != Warning || len(d.Fixes) > 0 {
			t.Errorf("an empty downgrade of a change without inverse: want a warning without fix, got %s with %d fixes", d.Severity, len(d.Fixes))
		}
	}
}
