package rules

import "testing"

func TestConcurrentlyInTransaction(t *testing.T) { runFixtures(t, "concurrently-in-transaction") }
