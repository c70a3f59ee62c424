// Package testenv gives tests the external tools of the real-thing tiers
// (PostgreSQL, Debian's alembic, the Claude Code CLI, the SARIF schema), set up
// by scripts/ci-setup.sh. Under ALEMBIC_PATTERNS_REQUIRE_ALL=1 (make test, CI) a
// missing tool fails the test; elsewhere the test is skipped with the reason.
package testenv

import (
	"os"
	"testing"
)

// Get returns the value of an environment variable set by scripts/ci-setup.sh.
func Get(t testing.TB, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v != "" {
		return v
	}
	msg := name + " is not set: run `make test` (scripts/ci-setup.sh prepares the machine)"
	if os.Getenv("ALEMBIC_PATTERNS_REQUIRE_ALL") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}
