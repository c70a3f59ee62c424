package rules

import "testing"

func TestDuplicateRevision(t *testing.T) { runFixtures(t, "duplicate-revision") }
