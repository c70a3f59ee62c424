package bench

import (
	"context"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// BenchmarkCheckMemory is BenchmarkCheck measured in memory: the heap the
// result keeps (every revision's model, which the rules read until the end)
// and the largest live heap any garbage collection of the run found. The
// peak heap of a process is about twice the latter (GOGC=100), its RSS
// another ~30 MB above (the program, tree-sitter).
func BenchmarkCheckMemory(b *testing.B) {
	proj, err := project.Find(generated(b))
	if err != nil {
		b.Fatal(err)
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var retained, maxLive uint64
	for b.Loop() {
		runtime.GC()
		done, sampled := make(chan struct{}), make(chan uint64)
		go func() {
			// The live heap is known after each collection and stays until the
			// next one: a sample every millisecond sees nearly every value.
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			var top uint64
			for {
				metrics.Read(sample)
				top = max(top, sample[0].Value.Uint64())
				select {
				case <-done:
					sampled <- top
					return
				case <-tick.C:
				}
			}
		}()
		res, err := check.Run(context.Background(), proj, check.Options{CountElsewhere: true})
		close(done)
		maxLive = max(maxLive, <-sampled)
		if err != nil || res.Files != 3000 {
			b.Fatalf("%v, %d files", err, res.Files)
		}
		runtime.GC()
		metrics.Read(sample)
		retained = max(retained, sample[0].Value.Uint64())
		runtime.KeepAlive(res)
	}
	b.ReportMetric(float64(retained)/(1<<20), "retained-MB")
	b.ReportMetric(float64(maxLive)/(1<<20), "max-live-MB")
}
