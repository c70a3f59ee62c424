package rules

import "testing"

func TestVolatileDefault(t *testing.T) { runFixtures(t, "volatile-default") }
