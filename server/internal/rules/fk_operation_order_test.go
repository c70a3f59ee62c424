package rules

import "testing"

func TestFKOperationOrder(t *testing.T) { runFixtures(t, "fk-operation-order") }
