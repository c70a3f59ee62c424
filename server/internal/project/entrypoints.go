package project

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
)

// historyGroup finds entry point groups through which a package registers
// its revisions with an application that merges every installed package's
// history at run time (invenio_db.alembic, quetz.migrations): a group whose
// name says alembic or migrations.
var historyGroup = regexp.MustCompile(`(?i)alembic|migrations?\b`)

// setupPyGroups finds the quoted keys of an entry_points dict in setup.py.
var setupPyGroups = regexp.MustCompile(`["']([\w.\-]+)["']\s*:\s*\[`)

// HistoryEntryPoint returns the entry point group (the first, sorted) that a
// packaging file at or above sd's directory declares for sharing its
// history, or "". Such a history names revisions of other packages, which
// are not in this tree.
func (p *Project) HistoryEntryPoint(sd ScriptDir) string {
	var groups []string
	for _, file := range dependencyFiles(sd.Location, p.Root) {
		for _, g := range entryPointGroups(file) {
			if historyGroup.MatchString(g) {
				groups = append(groups, g)
			}
		}
	}
	if len(groups) == 0 {
		return ""
	}
	slices.Sort(groups)
	return groups[0]
}

// entryPointGroups lists the entry point groups a packaging file declares.
func entryPointGroups(file string) []string {
	data, err := inputfile.Read(file, maxConfigSize)
	if err != nil {
		return nil
	}
	var groups []string
	switch filepath.Base(file) {
	case "pyproject.toml":
		var doc struct {
			Project struct {
				EntryPoints map[string]any `toml:"entry-points"`
			} `toml:"project"`
		}
		if _, err := toml.Decode(string(data), &doc); err == nil {
			for g := range doc.Project.EntryPoints {
				groups = append(groups, g)
			}
		}
	case "setup.cfg":
		if c, err := readINI(file, filepath.Dir(file)); err == nil {
			for g := range c.values["options.entry_points"] {
				groups = append(groups, g)
			}
		}
	case "setup.py":
		if i := strings.Index(string(data), "entry_points"); i >= 0 {
			for _, m := range setupPyGroups.FindAllStringSubmatch(string(data[i:]), -1) {
				groups = append(groups, m[1])
			}
		}
	}
	return groups
}
