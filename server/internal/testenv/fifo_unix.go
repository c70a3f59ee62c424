//go:build unix

package testenv

import (
	"os"
	"syscall"
	"testing"
)

// Mkfifo replaces path with a named pipe that nobody writes to: opening it
// for reading blocks, as `mkfifo versions/x.py` does to a careless reader.
func Mkfifo(t testing.TB, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

// SymlinkDevZero replaces path with a symlink to /dev/zero, a file whose
// size is 0 and whose content never ends.
func SymlinkDevZero(t testing.TB, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", path); err != nil {
		t.Fatal(err)
	}
}
