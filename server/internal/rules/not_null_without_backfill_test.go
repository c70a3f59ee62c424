package rules

import "testing"

func TestNotNullWithoutBackfill(t *testing.T) { runFixtures(t, "not-null-without-backfill") }
