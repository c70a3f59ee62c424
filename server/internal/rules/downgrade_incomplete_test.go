package rules

import "testing"

// The unsafe fix is checked against golden files in internal/fix (TestGolden).
func TestDowngradeIncomplete(t *testing.T) { runFixtures(t, "downgrade-incomplete") }
