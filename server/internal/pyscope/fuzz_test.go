package pyscope

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
)

// FuzzUnbound: whatever the source, even one that does not parse, the names
// check never panics and reports only names that occur in the checked range.
func FuzzUnbound(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "rules", "testdata", "*", "*", "*.py"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b), uint16(0), uint16(len(b)))
		}
	}
	f.Fuzz(func(t *testing.T, src string, start, end uint16) {
		lo, hi := min(int(start), len(src)), min(int(end), len(src))
		if lo > hi {
			lo, hi = hi, lo
		}
		uses, err := Unbound(context.Background(), []byte(src), []edit.Range{{Start: lo, End: hi}})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range uses {
			if u.Name == "" || u.Line < 1 {
				t.Fatalf("use %+v", u)
			}
		}
	})
}
