package check

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
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
	ids := revisionIDs(models)
	return !pointsTo(models, func(id string) bool { return !ids[id] })
}

// revisionIDs are the revision ids the models declare.
func revisionIDs(models []*migration.Migration) map[string]bool {
	ids := map[string]bool{}
	for _, m := range models {
		if m.Revision.Kind == migration.HeaderString {
			ids[m.Revision.Values[0]] = true
		}
	}
	return ids
}

// pointsTo reports whether a down_revision or depends_on of the models names
// a revision that matches.
func pointsTo(models []*migration.Migration, matches func(id string) bool) bool {
	for _, m := range models {
		for _, h := range []migration.Header{m.DownRevision, m.DependsOn} {
			if slices.ContainsFunc(h.Values, matches) {
				return true
			}
		}
	}
	return false
}

// setAside finds the first-level folders of a versions directory that hold
// an old history kept aside, which Alembic never reads: the configuration
// does not make it read subfolders, and no revision in the folder follows
// or precedes one that it does read (at the top level, or in a folder
// joined to those: release folders that env.py adds). Such folders were
// read as release folders are (see project.ListRevisionFiles); their
// revisions often reuse the ids of the squashed history that replaced them.
func setAside(sd project.ScriptDir, models []*migration.Migration) map[string]bool {
	if sd.Recursive {
		return nil
	}
	byFolder := map[string][]*migration.Migration{}
	for _, m := range models {
		f := topFolder(sd.VersionLocations, m.Path)
		byFolder[f] = append(byFolder[f], m)
	}
	if len(byFolder[""]) == 0 || len(byFolder) < 2 {
		return nil // no top level to be joined to (see splitByFolder)
	}
	ids := map[string]map[string]bool{}
	for f, ms := range byFolder {
		ids[f] = revisionIDs(ms)
	}
	// joined: one of the two folders names a revision that only the other declares
	joined := func(a, b string) bool {
		return pointsTo(byFolder[a], func(id string) bool { return ids[b][id] && !ids[a][id] }) ||
			pointsTo(byFolder[b], func(id string) bool { return ids[a][id] && !ids[b][id] })
	}
	// the folders joined to the top level, directly or through one another,
	// are read; what is left is aside
	aside := map[string]bool{}
	for f := range byFolder {
		aside[f] = f != ""
	}
	for grew := true; grew; {
		grew = false
		for f := range aside {
			for r := range byFolder {
				if aside[f] && !aside[r] && joined(f, r) {
					aside[f], grew = false, true
				}
			}
		}
	}
	maps.DeleteFunc(aside, func(_ string, left bool) bool { return !left })
	return aside
}

// asideNote says which folders were set aside and why.
func asideNote(root string, sd project.ScriptDir, folders map[string]bool, files int) string {
	var names []string
	for _, f := range slices.Sorted(maps.Keys(folders)) {
		names = append(names, relpath.Rel(root, f))
	}
	var locations []string
	for _, l := range sd.VersionLocations {
		locations = append(locations, relpath.Rel(root, l))
	}
	return fmt.Sprintf("left out the %s in %s: Alembic reads only the top level of %s (recursive_version_locations is not set), and none of them follows or precedes a revision there (a history kept aside)",
		brief.Count(files, "revision file", "revision files"), strings.Join(names, ", "), brief.List(locations, brief.Names))
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
