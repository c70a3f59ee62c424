package check

import (
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// A subfolder of a versions directory is set aside when nothing joins it to
// the revisions Alembic reads: its revisions neither follow nor precede one
// declared only outside it, directly or through another joined folder.
func TestSetAside(t *testing.T) {
	versions := filepath.FromSlash("/p/versions")
	model := func(path, id string, down ...string) *migration.Migration {
		m := &migration.Migration{Path: filepath.Join(versions, filepath.FromSlash(path)),
			Revision: migration.Header{Kind: migration.HeaderString, Values: []string{id}}, DownRevision: migration.Header{Kind: migration.HeaderNone}}
		if len(down) > 0 {
			m.DownRevision = migration.Header{Kind: migration.HeaderTuple, Values: down}
		}
		return m
	}
	tests := []struct {
		name      string
		recursive bool
		models    []*migration.Migration
		aside     []string
	}{
		{"release folders joined in turn", false, []*migration.Migration{model("base.py", "base"),
			model("v1/expand/e1.py", "e1", "base"), model("v2/expand/e2.py", "e2", "e1"), model("v2/contract/k2.py", "k2", "e2")}, nil},
		{"a folder the top level follows", false, []*migration.Migration{model("old/o1.py", "o1"), model("new.py", "n1", "o1")}, nil},
		{"an old history apart", false, []*migration.Migration{model("s1.py", "s1"), model("s2.py", "s2", "s1"),
			model("legacy/o1.py", "o1"), model("legacy/o2.py", "o2", "o1")}, []string{"legacy"}},
		{"an old history that reuses the squash's id", false, []*migration.Migration{model("s1.py", "s1"),
			model("legacy/o1.py", "o1"), model("legacy/s1.py", "s1", "o1"), model("legacy/o2.py", "o2", "s1")}, []string{"legacy"}},
		{"one joined folder, one apart", false, []*migration.Migration{model("base.py", "base"),
			model("v1/e1.py", "e1", "base"), model("Deprecated/d1.py", "d1")}, []string{"Deprecated"}},
		{"recursive_version_locations set", true, []*migration.Migration{model("s1.py", "s1"), model("legacy/o1.py", "o1")}, nil},
		{"nothing at the top level", false, []*migration.Migration{model("sqlite/a.py", "a"), model("postgresql/a.py", "a")}, nil},
	}
	for _, tt := range tests {
		aside := setAside(project.ScriptDir{VersionLocations: []string{versions}, Recursive: tt.recursive}, tt.models)
		var got []string
		for _, f := range slices.Sorted(maps.Keys(aside)) {
			rel, _ := filepath.Rel(versions, f)
			got = append(got, filepath.ToSlash(rel))
		}
		if !slices.Equal(got, tt.aside) {
			t.Errorf("%s: set aside %q, want %q", tt.name, got, tt.aside)
		}
	}
}
