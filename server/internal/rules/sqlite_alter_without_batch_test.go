package rules

import "testing"

func TestSQLiteAlterWithoutBatch(t *testing.T) { runFixtures(t, "sqlite-alter-without-batch") }
