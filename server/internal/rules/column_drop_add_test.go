package rules

import "testing"

func TestColumnDropAdd(t *testing.T) { runFixtures(t, "column-drop-add") }
