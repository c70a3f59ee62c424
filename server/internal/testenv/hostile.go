package testenv

import (
	"testing"
	"time"
)

// Within runs f and fails the test when f has not returned after d: a read
// that blocks (a FIFO, a device) would otherwise hang the whole test binary
// until go test's timeout. f keeps running in the background then.
func Within(t testing.TB, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still running after %s", what, d)
	}
}
