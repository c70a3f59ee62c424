package bench

import (
	"context"
	"os"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

func sources(b *testing.B) [][]byte {
	paths := files(b)
	out := make([][]byte, len(paths))
	for i, p := range paths {
		var err error
		if out[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	return out
}

// BenchmarkSyntaxOnly parses the sources in one goroutine (no file I/O).
func BenchmarkSyntaxOnly(b *testing.B) {
	srcs := sources(b)
	stop := testenv.ReportCPU(b)
	for b.Loop() {
		for _, s := range srcs {
			t, err := pysyntax.Parse(context.Background(), s)
			if err != nil {
				b.Fatal(err)
			}
			t.Close()
		}
	}
	stop()
}

// BenchmarkModelOnly builds the migration model in one goroutine (no file I/O).
func BenchmarkModelOnly(b *testing.B) {
	srcs := sources(b)
	stop := testenv.ReportCPU(b)
	for b.Loop() {
		for _, s := range srcs {
			if _, err := migration.Parse(context.Background(), "x.py", s); err != nil {
				b.Fatal(err)
			}
		}
	}
	stop()
}
