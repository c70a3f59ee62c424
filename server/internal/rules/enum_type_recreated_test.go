package rules

import "testing"

func TestEnumTypeRecreated(t *testing.T) { runFixtures(t, "enum-type-recreated") }
