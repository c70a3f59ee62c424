package rules

import "testing"

func TestConstraintNotValid(t *testing.T) { runFixtures(t, "constraint-not-valid") }
