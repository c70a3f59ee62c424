package rules

import "testing"

func TestMultipleHeads(t *testing.T) { runFixtures(t, "multiple-heads") }
