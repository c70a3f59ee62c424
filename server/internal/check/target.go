package check

import (
	"fmt"
	"os"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
)

// ResolveTarget turns a target into the revision files it names:
//
//	"" or "head"   the head of each script directory
//	"heads"        every head
//	"all"          every revision (nil is returned)
//	REV            a revision id, unique prefix, branch label, label@head, head-N
//	A:B            A, B and every revision between them
//	PATH           a revision file (absolute or relative to the project root)
//
// Paths are resolved with symlinks and refused outside the project directory.
func ResolveTarget(proj *project.Project, dirs []*ScriptDir, target string) ([]string, error) {
	target = strings.TrimSpace(target)
	if target == "all" {
		return nil, nil
	}
	if strings.HasSuffix(target, ".py") || strings.ContainsRune(target, os.PathSeparator) {
		path, err := proj.Inside(target)
		if err != nil {
			return nil, err
		}
		for _, sd := range dirs {
			g := sd.Loaded.Graph
			for _, r := range g.Revisions {
				if r.Path == path {
					return []string{path}, nil
				}
			}
			for _, d := range g.Duplicates {
				if d.Migration.Path == path {
					return nil, fmt.Errorf("%s declares revision %q, which %s declares too: Alembic refuses a duplicated revision id; give one of them a new id",
						target, d.Of.ID, d.Of.Path)
				}
			}
		}
		return nil, fmt.Errorf("%s is not a revision file of this project (or it does not declare a revision)", target)
	}
	if target == "" {
		target = "head"
	}
	var files []string
	var errs []string
	for _, sd := range dirs {
		revs, err := resolveIn(sd.Loaded.Graph, target)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		for _, r := range revs {
			files = append(files, r.Path)
		}
	}
	if len(files) == 0 {
		if len(errs) == 0 {
			return nil, fmt.Errorf("no Alembic script directory in %s", proj.Root)
		}
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return files, nil
}

func resolveIn(g *history.Graph, target string) ([]*history.Revision, error) {
	from, to, isRange := strings.Cut(target, ":")
	if !isRange {
		return g.Resolve(target)
	}
	a, err := one(g, from, "base")
	if err != nil {
		return nil, err
	}
	b, err := one(g, to, "head")
	if err != nil {
		return nil, err
	}
	above, below := g.Descendants(a.ID), g.Ancestors(b.ID)
	if a.ID != b.ID && !above[b.ID] {
		return nil, fmt.Errorf("range %s: %s is not above %s", target, b.ID, a.ID)
	}
	out := []*history.Revision{a}
	for _, r := range g.Order {
		if above[r.ID] && below[r.ID] {
			out = append(out, r)
		}
	}
	if a.ID != b.ID {
		out = append(out, b)
	}
	return out, nil
}

func one(g *history.Graph, spec, empty string) (*history.Revision, error) {
	if spec == "" {
		spec = empty
	}
	revs, err := g.Resolve(spec)
	if err != nil {
		return nil, err
	}
	if len(revs) != 1 {
		return nil, fmt.Errorf("%q names %d revisions; name one", spec, len(revs))
	}
	return revs[0], nil
}

// revisionPaths maps files to the paths the project loaded them by: a file
// named through a symlink (the CLI resolves the paths it is given) is the
// revision file that is, or links to, the same file. Files that are none are
// unknown.
func revisionPaths(dirs []*ScriptDir, errs []*migration.FileError, files []string) (paths, unknown []string) {
	loaded := map[string]bool{}
	for _, e := range errs {
		loaded[e.Path] = true
	}
	for _, sd := range dirs {
		for _, r := range sd.Loaded.Graph.Revisions {
			loaded[r.Path] = true
		}
		for _, d := range sd.Loaded.Graph.Duplicates {
			loaded[d.Migration.Path] = true
		}
	}
	paths = []string{}
	for _, f := range files {
		if loaded[f] {
			paths = append(paths, f)
			continue
		}
		if same := sameFile(loaded, f); same != "" {
			paths = append(paths, same)
			continue
		}
		unknown = append(unknown, f)
	}
	return paths, unknown
}

// sameFile is the path among paths of the file at f, or "".
func sameFile(paths map[string]bool, f string) string {
	want, err := inputfile.Stat(f)
	if err != nil {
		return ""
	}
	for p := range paths {
		if info, err := inputfile.Stat(p); err == nil && os.SameFile(info, want) {
			return p
		}
	}
	return ""
}
