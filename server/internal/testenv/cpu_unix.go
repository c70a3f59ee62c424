//go:build unix

package testenv

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// ReportCPU adds the process's CPU time per iteration (user and system, all
// threads, the garbage collector's included) to a benchmark's results, as
// cpu-ms/op: on a machine shared with other work it moves far less than the
// wall time; and the calls into C (tree-sitter) per iteration, cgo-calls/op,
// which do not move at all. Call it right before the benchmark loop, and
// what it returns right after.
func ReportCPU(b *testing.B) (stop func()) {
	start, calls := cpuTime(), runtime.NumCgoCall()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(runtime.NumCgoCall()-calls)/float64(b.N), "cgo-calls/op")
		}
	}
}

func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
