package proof

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// TestLayoutsOnRealAlembic: wherever the real alembic can read a layout of the
// sweep on its own (package:path locations, a location relative to the
// directory alembic runs from, %(here)s, several sections), it finds the same
// heads as alembic-patterns, which reads the layout without importing anything.
func TestLayoutsOnRealAlembic(t *testing.T) {
	tl := getTools(t, true)
	n := 0
	for _, l := range testenv.Layouts() {
		if l.Alembic == nil {
			continue
		}
		n++
		t.Run(l.Name, func(t *testing.T) {
			top := l.Write(t)
			env := pythonEnv()
			if l.Alembic.PythonPath != "" {
				env = append(env, "PYTHONPATH="+filepath.Join(top, l.Alembic.PythonPath))
			}
			res := run(filepath.Join(top, l.Alembic.Dir), env, false, tl.alembic, append(slices.Clone(l.Alembic.Args), "heads")...)
			if res.err != nil {
				t.Fatalf("alembic cannot read the layout:\n%s", res)
			}
			if got, want := ourHeads(t, top), revisionIDs(res.output); !slices.Equal(got, want) || len(want) == 0 {
				t.Errorf("alembic-patterns reads heads %q, alembic %q", got, want)
			}
		})
	}
	if n < 5 {
		t.Errorf("only %d layouts are checked against alembic", n)
	}
}
