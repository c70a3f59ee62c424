package rules

import "testing"

func TestAppModelImport(t *testing.T) { runFixtures(t, "app-model-import") }
