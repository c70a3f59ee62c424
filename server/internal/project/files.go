package project

import (
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
)

// Size limits of the files read (see inputfile): maxRevisionFileSize when
// telling whether a file is a revision file (the parser has its own limit),
// maxConfigSize for alembic.ini and pyproject.toml, maxCodeFileSize for env.py
// and the project's other Python files.
const (
	maxRevisionFileSize = 5 << 20
	maxConfigSize       = 1 << 20
	maxCodeFileSize     = 1 << 20
)

// maxNestedDepth bounds how deep below a version location revision files are
// looked for (release/branch folders are one or two levels deep).
const maxNestedDepth = 4

var (
	revisionAssign     = regexp.MustCompile(`(?m)^[ \t]*revision\s*(?::[^=\n]*)?=`)
	downRevisionAssign = regexp.MustCompile(`(?m)^[ \t]*down_revision\s*(?::[^=\n]*)?=`)
)

// LooksLikeRevision reports whether path is a regular file that assigns both
// revision and down_revision, as every Alembic revision file does. Only
// regular files are read, and at most maxRevisionFileSize bytes of them.
func LooksLikeRevision(path string) bool {
	data, err := inputfile.Read(path, maxRevisionFileSize)
	return err == nil && downRevisionAssign.Match(data) && revisionAssign.Match(data)
}

// Listing is the revision files of a script directory.
type Listing struct {
	Files []string // sorted
	Notes []string
	// Dirs are the directories read, for callers that keep a listing while
	// their modification times are unchanged.
	Dirs []string
	// Nested are, by version location, the revision files read in its
	// subdirectories although recursive_version_locations is not set (see
	// ListRevisionFiles and NestedNotes).
	Nested map[string][]string
}

// NestedNotes say, for each version location, how many revision files were
// read in its subdirectories without recursive_version_locations, but for
// those left out (sorted: the caller set them aside); paths are relative to
// root.
func (l Listing) NestedNotes(root string, leftOut []string) []string {
	var notes []string
	for _, dir := range slices.Sorted(maps.Keys(l.Nested)) {
		n := 0
		for _, f := range l.Nested[dir] {
			if _, left := slices.BinarySearch(leftOut, f); !left {
				n++
			}
		}
		if n > 0 {
			notes = append(notes, relNote(note("read %s in subdirectories of %s as recursive_version_locations would (it is not set in the configuration; env.py probably adds those folders)",
				brief.Count(n, "revision file", "revision files"), absPath(dir)), root))
		}
	}
	return notes
}

// RevisionFiles lists the revision files of one of the project's script
// directories (see ListRevisionFiles); folders that are version locations of
// its other script directories are left to those, and notes are relative to
// the project root.
func (p *Project) RevisionFiles(sd ScriptDir) Listing {
	var skip []string
	for _, other := range p.ScriptDirs {
		if other.Location != sd.Location {
			skip = append(skip, other.VersionLocations...)
		}
	}
	l := ListRevisionFiles(sd, skip)
	for i, n := range l.Notes {
		l.Notes[i] = relNote(n, p.Root)
	}
	return l
}

// ListRevisionFiles lists the revision files of a script directory as Alembic
// loads them: the *.py files of each version location (not __init__.py nor
// editor lock files), and with recursive_version_locations those of their
// subdirectories. Projects that add release or branch folders in env.py
// instead keep revision files in subdirectories without that setting: those
// files are read too (only the ones that declare revision and down_revision),
// and listed in Nested. Directories in skip are not read.
func ListRevisionFiles(sd ScriptDir, skip []string) Listing {
	var l Listing
	for _, dir := range sd.VersionLocations {
		info, err := inputfile.Stat(dir)
		if err != nil || !info.IsDir() {
			l.Notes = append(l.Notes, note("version location %s does not exist or is not a directory: no revision files read from it", absPath(dir)))
			continue
		}
		var nested []string
		// a subfolder that is a version location of its own is read as one
		// (version_locations = versions versions/imports), not twice
		others := slices.DeleteFunc(slices.Clone(sd.VersionLocations), func(v string) bool { return v == dir })
		walkVersions(dir, 0, slices.Concat(skip, others), &l.Dirs, func(path string, depth int) {
			if depth == 0 || sd.Recursive {
				l.Files = append(l.Files, path)
			} else if LooksLikeRevision(path) {
				nested = append(nested, path)
			}
		})
		if len(nested) > 0 {
			l.Files = append(l.Files, nested...)
			if l.Nested == nil {
				l.Nested = map[string][]string{}
			}
			l.Nested[dir] = nested
		}
	}
	sort.Strings(l.Files)
	return l
}

// FilesIn lists the revision files of version directories (as
// ListRevisionFiles), for tools and tests that have no project.
func FilesIn(dirs ...string) []string {
	return ListRevisionFiles(ScriptDir{VersionLocations: dirs}, nil).Files
}

// walkVersions calls visit for every candidate revision file at and below dir.
func walkVersions(dir string, depth int, skip []string, dirs *[]string, visit func(path string, depth int)) {
	entries, err := inputfile.ReadDir(dir)
	if err != nil {
		return
	}
	*dirs = append(*dirs, dir)
	for _, e := range entries {
		name, path := e.Name(), filepath.Join(dir, e.Name())
		switch {
		case e.IsDir():
			if depth < maxNestedDepth && !skipDir(name) && !isSkipped(path, skip) {
				walkVersions(path, depth+1, skip, dirs, visit)
			}
		case strings.HasSuffix(name, ".py") && !strings.HasPrefix(name, "__init__") && !strings.HasPrefix(name, ".#"):
			visit(path, depth)
		}
	}
}

func isSkipped(path string, skip []string) bool { return slices.Contains(skip, path) }
