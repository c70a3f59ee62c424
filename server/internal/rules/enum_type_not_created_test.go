package rules

import "testing"

func TestEnumTypeNotCreated(t *testing.T) { runFixtures(t, "enum-type-not-created") }
