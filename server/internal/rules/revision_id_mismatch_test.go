package rules

import "testing"

func TestRevisionIDMismatch(t *testing.T) { runFixtures(t, "revision-id-mismatch") }
