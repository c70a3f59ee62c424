package rules

import "testing"

func TestMissingDownRevision(t *testing.T) { runFixtures(t, "missing-down-revision") }
