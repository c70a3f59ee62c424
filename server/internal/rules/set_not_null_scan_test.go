package rules

import "testing"

func TestSetNotNullScan(t *testing.T) { runFixtures(t, "set-not-null-scan") }
