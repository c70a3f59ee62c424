package rules

import "testing"

func TestUnnamedConstraint(t *testing.T) { runFixtures(t, "unnamed-constraint") }
