package project

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
)

const (
	// maxSearchDepth bounds the search below the start directory: deep enough
	// for src/<pkg>/ui/service/storage/sql/migrations layouts (evidently).
	maxSearchDepth = 10
	// maxSearchDirs bounds the search's work when started far above any project
	// (a home directory).
	maxSearchDirs = 20000
)

// searchResult is what a search below a directory found.
type searchResult struct {
	configs []string    // alembic.ini files and pyproject.toml files with [tool.alembic]
	shapes  []ScriptDir // script directories found by their shape, outside any config
	// trees are directories of revision files only, under an unusual name,
	// inside a folder with a usual one (migrations/datasets/, or deeper:
	// migrations/_oneshot/datasets/int_to_uuid/): one revision tree each, of a
	// tool that configures version_locations in code. They count only when
	// nothing else is found.
	trees   []ScriptDir
	skipped []string // notes: configs that could not be read, a search cut short
}

// any reports whether the search found a project.
func (r *searchResult) any() bool { return len(r.configs)+len(r.shapes)+len(r.trees) > 0 }

func (r *searchResult) notes() []string { return r.skipped }

// search looks below dir for project configurations and, for projects that
// configure Alembic in code, for directories shaped like script directories.
func search(dir string) *searchResult { return searchUntil(dir, nil) }

// searchUntil is search cut short once stop (when not nil) says the result
// found so far is enough.
func searchUntil(dir string, stop func(*searchResult) bool) *searchResult {
	r := &searchResult{}
	visited := 0
	// folders that only look like versions folders (a "migrations" folder
	// holding files that assign revision and down_revision) unless a
	// configuration or a script directory sits below them
	var folders []ScriptDir
	_ = inputfile.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil // unreadable directories are skipped
		}
		if pseudoDirs[p] || onPseudoFS(p) {
			return filepath.SkipDir
		}
		depth := 0
		if p != dir {
			if skipDir(d.Name()) || testDirs[d.Name()] {
				return filepath.SkipDir
			}
			rel, _ := filepath.Rel(dir, p)
			depth = strings.Count(rel, string(filepath.Separator)) + 1
		}
		if visited++; visited > maxSearchDirs {
			r.skipped = append(r.skipped, note("the search for Alembic projects below %s stopped after %d directories: pass --project DIR", absPath(dir), maxSearchDirs))
			return filepath.SkipAll
		}
		cfg, err := configIn(p)
		if err != nil {
			r.skipped = append(r.skipped, "skipped: "+err.Error())
		} else if cfg != "" {
			r.configs = append(r.configs, cfg)
		}
		r.configs = append(r.configs, otherConfigsIn(p)...)
		if stop != nil && stop(r) {
			return filepath.SkipAll
		}
		if sd := shapeOf(p, false); sd != nil {
			if sd.VersionLocations[0] != p {
				r.shapes = append(r.shapes, *sd) // env.py beside versions/
				return filepath.SkipDir
			}
			folders = append(folders, *sd)
		} else if p != dir && insideRevisionFolder(dir, p) && holdsRevisionsOnly(p) {
			r.trees = append(r.trees, ScriptDir{Origin: "shape", Location: p, VersionLocations: []string{p}})
		}
		if depth >= maxSearchDepth {
			return filepath.SkipDir
		}
		return nil
	})
	for _, f := range folders {
		below := func(path string) bool { return strings.HasPrefix(path, f.Location+string(filepath.Separator)) }
		if !slices.ContainsFunc(r.configs, below) &&
			!slices.ContainsFunc(r.shapes, func(sd ScriptDir) bool { return below(sd.Location) }) {
			r.shapes = append(r.shapes, f)
		}
	}
	return r
}

// scriptDirsIn are dir's subdirectories shaped as script directories, env.py
// beside versions/: a look one level down, cheap enough for every hook run
// and tool call (a bare folder of revision files there may be no history
// anything runs: greyhound-racing-collector's migrations/versions/, applied
// by a script through sqlite3).
func scriptDirsIn(dir string) []ScriptDir {
	entries, err := inputfile.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []ScriptDir
	for _, e := range entries {
		if !e.IsDir() || skipDir(e.Name()) || testDirs[e.Name()] {
			continue
		}
		if sd := shapeOf(filepath.Join(dir, e.Name()), false); sd != nil && sd.Location != sd.VersionLocations[0] {
			out = append(out, *sd)
		}
	}
	return out
}

// insideRevisionFolder reports whether a folder between start and dir (dir
// excluded) has a usual name for revision files (migrations/).
func insideRevisionFolder(start, dir string) bool {
	for d := filepath.Dir(dir); d != start && strings.HasPrefix(d, start); d = filepath.Dir(d) {
		if revisionFolderNames[filepath.Base(d)] {
			return true
		}
	}
	return false
}

// otherConfigsIn returns the alembic configurations of dir under other names
// than alembic.ini, passed to alembic with -c: an ini whose name says alembic
// (alembic-appproxy.ini, halfstack.alembic.ini, alembic_dev.ini) and whose
// [alembic] section sets script_location. A copy of another configuration
// of the same script directory is checked once (merged).
func otherConfigsIn(dir string) []string {
	entries, err := inputfile.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == iniName || filepath.Ext(name) != ".ini" || !strings.Contains(strings.ToLower(name), "alembic") {
			continue
		}
		path := filepath.Join(dir, name)
		if c, err := readINI(path, dir); err == nil && c.owns("alembic", "script_location") {
			out = append(out, path)
		}
	}
	return out
}

// skipDir: directories never searched (dependencies, caches, build output,
// hidden directories).
func skipDir(name string) bool {
	switch name {
	case "node_modules", "venv", "site-packages", "dist-packages", "__pycache__", "build", "dist":
		return true
	}
	return strings.HasPrefix(name, ".")
}

// pseudoDirs are where kernel file systems are mounted (/dev is a tmpfs on
// Linux, so its type does not tell): a search started at / passes them by.
var pseudoDirs = map[string]bool{"/proc": true, "/sys": true, "/dev": true}

// testDirs hold fixtures (often deliberately broken migrations), not a
// project's history: the search below a start directory passes them by.
var testDirs = map[string]bool{"tests": true, "test": true, "testing": true}

// revisionFolderNames are the names of directories that hold revision files
// directly in projects without env.py beside them (Flask-Alembic keeps them in
// migrations/).
var revisionFolderNames = map[string]bool{"versions": true, "migrations": true, "alembic": true, "revisions": true, "migration": true}

// shapeOf returns the script directory that dir is by its shape: env.py beside
// a versions/ directory, or a directory that directly holds revision files —
// one with a usual name (versions/, migrations/ ...) or, when given by the
// user (named), one whose Python files are mostly revision files.
func shapeOf(dir string, named bool) *ScriptDir {
	versions := filepath.Join(dir, "versions")
	if isFile(filepath.Join(dir, "env.py")) && isDir(versions) {
		return &ScriptDir{Origin: "shape", Location: dir, VersionLocations: []string{versions}}
	}
	if !revisionFolderNames[filepath.Base(dir)] && !(named && holdsRevisionsOnly(dir)) {
		return nil
	}
	if holdsRevisions(dir) {
		return &ScriptDir{Origin: "shape", Location: dir, VersionLocations: []string{dir}}
	}
	return nil
}

// holdsRevisions reports whether dir directly holds a revision file.
func holdsRevisions(dir string) bool {
	entries, err := inputfile.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if isPythonFile(e) && LooksLikeRevision(filepath.Join(dir, e.Name())) {
			return true
		}
	}
	return false
}

// holdsRevisionsOnly reports whether dir's Python files are (almost) all
// revision files, however the directory is named. It reads at most a few files.
func holdsRevisionsOnly(dir string) bool {
	entries, err := inputfile.ReadDir(dir)
	if err != nil {
		return false
	}
	seen, revisions := 0, 0
	for _, e := range entries {
		if !isPythonFile(e) || strings.HasPrefix(e.Name(), "__init__") {
			continue
		}
		if seen++; seen > 5 {
			break
		}
		if LooksLikeRevision(filepath.Join(dir, e.Name())) {
			revisions++
		}
	}
	return revisions > 0 && revisions*10 >= seen*8
}

func isPythonFile(e fs.DirEntry) bool {
	return !e.IsDir() && strings.HasSuffix(e.Name(), ".py")
}
