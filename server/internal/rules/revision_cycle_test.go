package rules

import "testing"

func TestRevisionCycle(t *testing.T) { runFixtures(t, "revision-cycle") }
