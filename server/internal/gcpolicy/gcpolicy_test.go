package gcpolicy

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestCollectLateHandsBackAfterTheFirstCollection(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	CollectLate(FirstCollection)
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("before any collection, GOGC = %d, want off (-1)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != FirstCollection {
		t.Fatalf("memory limit = %d, want %d", got, FirstCollection)
	}
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetGCPercent(-1) != 100 {
		if time.Now().After(deadline) {
			t.Fatal("GOGC still off 5 s after a collection: the cleanup never ran")
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit after the first collection = %d, want none", got)
	}
}

func TestCollectLateLeavesTheUsersChoice(t *testing.T) {
	t.Setenv("GOGC", "200")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	before := debug.SetGCPercent(-1)
	debug.SetGCPercent(before)
	CollectLate(FirstCollection)
	if got := debug.SetGCPercent(-1); got != before {
		t.Errorf("GOGC set by the user: percent = %d, want %d unchanged", got, before)
	}
}
