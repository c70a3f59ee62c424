package project

import (
	"bytes"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
)

// historyGroup finds entry point groups through which a package registers
// its revisions with an application that merges every installed package's
// history at run time: a group whose name says alembic or migrations
// (invenio_db.alembic, quetz.migrations), or an entry so named in another
// group (gn_module: migrations = pkg:migrations).
var (
	historyGroup = regexp.MustCompile(`(?i)alembic|migrations?\b`)
	historyEntry = regexp.MustCompile(`(?i)^(alembic|migrations?)$`)
)

var (
	// setupPyGroups finds the groups of an entry_points dict in setup.py, with
	// the text of their lists.
	setupPyGroups = regexp.MustCompile(`["']([\w.\-]+)["']\s*:\s*\[([^\]]*)\]`)
	// entryName is the name of an entry "name = module:attr".
	entryName = regexp.MustCompile(`^\s*["']?\s*([\w.\-]+)\s*=`)
	// readsEntryPoints finds code reading entry points of a group:
	// entry_points(group="alembic"), .select(group=...), iter_entry_points("...").
	readsEntryPoints = regexp.MustCompile(`(?:iter_entry_points|entry_points|select)\(\s*(?:group\s*=\s*)?["']([\w.\-]+)["']([^)]*)\)`)
	// historyEntryArg is the name= argument of such a call naming a history entry.
	historyEntryArg = regexp.MustCompile(`(?i)\bname\s*=\s*["'](alembic|migrations?)["']`)
)

// HistoryEntryPoint returns the entry point group (the first, sorted) that a
// packaging file at or above sd's directory declares for sharing its
// history, or "". Such a history names revisions of other packages, which
// are not in this tree.
func (p *Project) HistoryEntryPoint(sd ScriptDir) string {
	var groups []string
	for _, file := range dependencyFiles(sd.Location, p.Root) {
		for group, names := range entryPoints(file) {
			if historyGroup.MatchString(group) || slices.ContainsFunc(names, historyEntry.MatchString) {
				groups = append(groups, group)
			}
		}
	}
	if len(groups) == 0 {
		return ""
	}
	slices.Sort(groups)
	return groups[0]
}

// HistoryEntryPointReader returns the entry point group whose histories the
// code around sd's directory merges into its own at run time (an application
// adding every installed package's migrations to version_locations), or "".
// It reads code: ask it only when the history names revisions it lacks.
func (p *Project) HistoryEntryPointReader(sd ScriptDir) string {
	found := ""
	eachCodeFile(sd.Location, p.CodeRoot(), true, func(data []byte) bool {
		if !bytes.Contains(data, []byte("entry_points")) {
			return true
		}
		for _, m := range readsEntryPoints.FindAllSubmatch(data, -1) {
			if group := string(m[1]); historyGroup.MatchString(group) || historyEntryArg.Match(m[2]) {
				found = group
				return false
			}
		}
		return true
	})
	return found
}

// entryPoints lists the entry point groups a packaging file declares, with
// the names of their entries.
func entryPoints(file string) map[string][]string {
	data, err := inputfile.Read(file, maxConfigSize)
	if err != nil {
		return nil
	}
	out := map[string][]string{}
	switch filepath.Base(file) {
	case "pyproject.toml":
		var doc struct {
			Project struct {
				EntryPoints map[string]map[string]any `toml:"entry-points"`
			} `toml:"project"`
		}
		if _, err := toml.Decode(string(data), &doc); err == nil {
			for group, entries := range doc.Project.EntryPoints {
				out[group] = slices.Collect(maps.Keys(entries))
			}
		}
	case "setup.cfg":
		if c, err := readINI(file, filepath.Dir(file)); err == nil {
			for group, value := range c.values["options.entry_points"] {
				out[group] = entryNames(strings.Split(value, "\n"))
			}
		}
	case "setup.py":
		if i := bytes.Index(data, []byte("entry_points")); i >= 0 {
			for _, m := range setupPyGroups.FindAllStringSubmatch(string(data[i:]), -1) {
				out[m[1]] = entryNames(strings.Split(m[2], ","))
			}
		}
	}
	return out
}

// entryNames are the names of entries written "name = module:attr".
func entryNames(entries []string) []string {
	var names []string
	for _, e := range entries {
		if m := entryName.FindStringSubmatch(e); m != nil {
			names = append(names, m[1])
		}
	}
	return names
}
