package rules

import "testing"

func TestEnumValueInTransaction(t *testing.T) { runFixtures(t, "enum-value-in-transaction") }
