package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// Unwritable makes dir refuse new entries and renames until the test ends:
// by its mode, or for root (whom modes do not stop) by the immutable
// attribute (chattr +i). Where neither works the test is skipped, or fails
// under ALEMBIC_PATTERNS_REQUIRE_ALL=1.
func Unwritable(t testing.TB, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		msg := "cannot make a directory unwritable for root (chattr +i): " + string(out)
		if os.Getenv("ALEMBIC_PATTERNS_REQUIRE_ALL") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
}
