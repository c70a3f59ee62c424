package fix

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// FuzzFix: whatever the revision file, fixing never panics and never produces
// a file that does not parse.
func FuzzFix(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "rules", "testdata", "*", "*", "*.py"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b))
		}
	}
	f.Add(ordersRevision)
	f.Fuzz(func(t *testing.T, src string) {
		proj := projectWith(t, map[string]string{"0001_x.py": src})
		res, err := Compute(context.Background(), proj, Options{Unsafe: true})
		if err != nil {
			return // a project-level error (e.g. unknown rule config) is not a fixer bug
		}
		for _, file := range res.Files {
			if string(file.After) == string(file.Before) {
				continue
			}
			if _, err := migration.Parse(context.Background(), file.Path, file.After); err != nil {
				t.Fatalf("fixed file does not parse: %v\n--- before\n%s\n--- after\n%s", err, file.Before, file.After)
			}
		}
	})
}
