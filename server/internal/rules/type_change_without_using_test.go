package rules

import "testing"

func TestTypeChangeWithoutUsing(t *testing.T) { runFixtures(t, "type-change-without-using") }
