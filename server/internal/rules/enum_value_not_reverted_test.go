package rules

import "testing"

func TestEnumValueNotReverted(t *testing.T) { runFixtures(t, "enum-value-not-reverted") }
