package check

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
)

// folderHistory is a set of revision files that form a history of their own.
type folderHistory struct {
	folder string // "" for the whole script directory
	models []*migration.Migration
}

// splitByFolder separates histories that share a versions directory only by
// folder: projects that pick the version location per database in env.py
// (versions/postgresql/, versions/sqlite/) keep several independent histories
// there, often with the same revision ids. They are separated when the
// versions directory holds no revision file at its top level and every
// first-level folder is closed (its down_revision and depends_on all point
// inside it). Anything else is one history, as Alembic would load it.
func splitByFolder(sd project.ScriptDir, models []*migration.Migration) []folderHistory {
	whole := []folderHistory{{models: models}}
	byFolder := map[string][]*migration.Migration{}
	for _, m := range models {
		f := topFolder(sd.VersionLocations, m.Path)
		if f == "" {
			return whole
		}
		byFolder[f] = append(byFolder[f], m)
	}
	if len(byFolder) < 2 {
		return whole
	}
	var out []folderHistory
	for _, f := range slices.Sorted(maps.Keys(byFolder)) {
		if !closed(byFolder[f]) {
			return whole
		}
		out = append(out, folderHistory{folder: f, models: byFolder[f]})
	}
	return out
}

// closed reports whether every revision the models point to is among them.
func closed(models []*migration.Migration) bool {
	ids := map[string]bool{}
	for _, m := range models {
		if m.Revision.Kind == migration.HeaderString {
			ids[m.Revision.Values[0]] = true
		}
	}
	for _, m := range models {
		for _, h := range []migration.Header{m.DownRevision, m.DependsOn} {
			for _, v := range h.Values {
				if !ids[v] {
					return false
				}
			}
		}
	}
	return true
}

// topFolder is the first-level folder of a version location that holds path,
// or "" when path is directly in a version location.
func topFolder(locations []string, path string) string {
	for _, loc := range locations {
		rel, err := filepath.Rel(loc, path)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		first, _, nested := strings.Cut(rel, string(filepath.Separator))
		if !nested {
			return ""
		}
		return filepath.Join(loc, first)
	}
	return ""
}

// splitNote says that a script directory was split, naming the folders.
func splitNote(root string, sd project.ScriptDir, parts []folderHistory) string {
	var names []string
	for _, p := range parts {
		names = append(names, relpath.Rel(root, p.folder))
	}
	return fmt.Sprintf("the revision files of %s form %d independent histories, one per folder (%s): each is checked as its own script directory",
		relpath.Rel(root, sd.Location), len(parts), strings.Join(names, ", "))
}
