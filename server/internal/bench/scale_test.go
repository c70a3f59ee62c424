package bench

import (
	"context"
	"fmt"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/review"
	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

// The benchmarks below grow the input by doubling: linear work shows as a
// time (and B/op) that doubles with it, quadratic work as one that quadruples.

// BenchmarkReviewAll is `alembic-patterns review all` on generated histories.
func BenchmarkReviewAll(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000} {
		b.Run(fmt.Sprintf("revisions=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if _, err := synth.Write(dir, synth.Options{Revisions: n, Seed: 1, MergeEvery: 50, BatchEvery: 7}); err != nil {
				b.Fatal(err)
			}
			proj, err := project.Find(dir)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := review.Analyze(context.Background(), proj, "all", review.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheckWideFile is `alembic-patterns check FILE` on one revision of
// many add_column calls, its downgrade missing (pass) or incomplete (every
// other column dropped).
func BenchmarkCheckWideFile(b *testing.B) {
	for _, downgrade := range []string{"missing", "incomplete"} {
		for _, n := range []int{1000, 2000, 4000, 8000} {
			b.Run(fmt.Sprintf("downgrade=%s/ops=%d", downgrade, n), func(b *testing.B) {
				dir := b.TempDir()
				if err := synth.WriteWide(dir, synth.WideOptions{Ops: n, DowngradePass: downgrade == "missing"}); err != nil {
					b.Fatal(err)
				}
				proj, err := project.Find(dir)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					res, err := check.Run(context.Background(), proj, check.Options{Target: "head"})
					if err != nil || len(res.Findings) == 0 {
						b.Fatalf("%v, %d findings", err, len(res.Findings))
					}
				}
			})
		}
	}
}
