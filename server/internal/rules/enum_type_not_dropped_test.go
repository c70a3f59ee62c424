package rules

import "testing"

func TestEnumTypeNotDropped(t *testing.T) { runFixtures(t, "enum-type-not-dropped") }
