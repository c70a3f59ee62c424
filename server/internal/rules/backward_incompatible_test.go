package rules

import "testing"

func TestBackwardIncompatible(t *testing.T) { runFixtures(t, "backward-incompatible") }
