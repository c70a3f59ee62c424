package rules

import "testing"

func TestAddRequiredColumn(t *testing.T) { runFixtures(t, "add-required-column") }
