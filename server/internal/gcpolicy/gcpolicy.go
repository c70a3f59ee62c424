// Package gcpolicy sets how the garbage collector works in a one-shot run of
// the program (a check, the edit hook, a fix).
package gcpolicy

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// FirstCollection is the memory at which a run collects for the first time.
// A run starts from an empty heap that only grows while it parses: with the
// default GOGC=100 a check of 500 revisions collected six times, each on a
// heap that was nearly all live, for a fifth of its time; it allocates
// ~100 MB in all, and its peak RSS was ~75 MB anyway. Larger histories collect
// from here as before, so their peak does not grow.
const FirstCollection = 64 << 20

// CollectLate turns the collector off until the program holds first bytes,
// and back to GOGC=100 (no limit) after that first collection: a memory limit
// alone would make a history whose live heap outgrows it collect without end.
// It does nothing when GOGC or GOMEMLIMIT is set: the user chose.
func CollectLate(first int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(first)
	// The sentinel is unreachable from the start: its cleanup runs once
	// the first collection has found it.
	sentinel := new(collected)
	runtime.AddCleanup(sentinel, func(struct{}) {
		debug.SetMemoryLimit(math.MaxInt64)
		debug.SetGCPercent(100)
	}, struct{}{})
}

// collected holds a pointer so that the allocator gives it a block of its
// own (a cleanup on a tiny pointer-free block may never run).
type collected struct {
	_ *byte
	_ [8]byte
}
