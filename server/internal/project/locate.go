package project

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
)

// loader builds script directories from an alembic.ini and [tool.alembic];
// either may be absent.
type loader struct {
	dir      string // the config file's directory
	config   string
	ini      *iniConfig
	tool     map[string]any
	tomlPath string
	// runDir is where relative locations were found to resolve (see base).
	runDir string
	notes  []string
}

func (l *loader) scriptDirs() ([]ScriptDir, error) {
	l.runDir = l.dir
	var dirs []ScriptDir
	mainInINI := false
	if l.ini != nil {
		hasMain := slices.Contains(l.ini.sections, "alembic")
		for _, sec := range l.ini.sections {
			if !l.ini.owns(sec, "script_location") {
				// [DEFAULT] is inherited by every section, but only the main
				// one is taken from it, or without a main one the sections
				// run with -n (alembic -n static): [loggers] etc. are no
				// script dirs.
				if _, ok := l.ini.raw(sec, "script_location"); !ok || sec != "alembic" && (hasMain || notAlembicSection(sec)) {
					continue
				}
			}
			where := note("[%s] in %s", sec, absPath(l.ini.path))
			loc, _, err := l.ini.get(sec, "script_location")
			if err != nil {
				return nil, err
			}
			mainInINI = mainInINI || sec == "alembic"
			sd, ok, err := l.scriptDir(sec, loc, where)
			if err != nil {
				return nil, err
			}
			if i := slices.IndexFunc(dirs, sd.same); ok && i >= 0 {
				l.notes = append(l.notes, note("[%s] in %s names the script directory of [%s]: it is checked once", sec, absPath(l.ini.path), dirs[i].Name))
			} else if ok {
				dirs = append(dirs, sd)
			}
		}
	}
	if v, ok := l.tool["script_location"]; ok && !mainInINI {
		where := note("[tool.alembic] in %s", absPath(l.tomlPath))
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("script_location (%s) must be a string", where)
		}
		loc, err := l.tomlValue(s, "script_location")
		if err != nil {
			return nil, err
		}
		sd, ok, err := l.scriptDir("alembic", loc, where)
		if err != nil {
			return nil, err
		}
		if ok {
			sd.Name = "tool.alembic"
			dirs = append(dirs, sd)
		}
		mainInINI = true
	}
	if !mainInINI && len(dirs) == 0 {
		if sd, ok := l.runtimeLocated(); ok {
			dirs = append(dirs, sd)
		}
	}
	return dirs, nil
}

// notAlembicSection: the sections of an alembic.ini that configure logging
// or the hooks run after writing a revision.
func notAlembicSection(name string) bool {
	switch name {
	case "loggers", "handlers", "formatters", "post_write_hooks":
		return true
	}
	return strings.HasPrefix(name, "logger_") || strings.HasPrefix(name, "handler_") || strings.HasPrefix(name, "formatter_")
}

// runtimeLocated handles an ini without any script_location: Flask-Migrate and
// Flask-Alembic set it at run time, to the directory holding the ini and
// env.py. The directory is taken when it holds env.py or revision files.
func (l *loader) runtimeLocated() (ScriptDir, bool) {
	for _, dir := range []string{l.dir, filepath.Join(l.dir, "migrations"), filepath.Join(l.dir, "alembic")} {
		if isFile(filepath.Join(dir, "env.py")) || isDir(filepath.Join(dir, "versions")) {
			sd, err := l.complete(ScriptDir{Name: "alembic", Origin: "runtime", Location: resolve(dir)}, "alembic")
			if err != nil {
				l.notes = append(l.notes, err.Error())
				return ScriptDir{}, false
			}
			where := note("%s, which holds", absPath(dir))
			if dir == l.dir {
				where = "its own directory, which holds"
			}
			l.notes = append(l.notes, note("%s has no script_location (Flask-Migrate and Flask-Alembic set it at run time): using %s env.py or versions/", absPath(l.config), where))
			return sd, true
		}
	}
	l.notes = append(l.notes, note("%s has no script_location and no env.py beside it: no script directory taken from it", absPath(l.config)))
	return ScriptDir{}, false
}

// scriptDir resolves one script directory whose ini options come from section
// (alembic falls back to [tool.alembic] for options missing there). A
// location that cannot be resolved is a note (ok false), not an error: the
// other sections are still analysed.
func (l *loader) scriptDir(section, location, where string) (ScriptDir, bool, error) {
	if location == "" {
		l.notes = append(l.notes, fmt.Sprintf("script_location (%s) is empty: that section is skipped", where))
		return ScriptDir{}, false, nil
	}
	path, tried, _ := l.locate(location, "script_location", where)
	if path == "" {
		l.notes = append(l.notes, fmt.Sprintf("script_location %q (%s) not found (tried %s): that section is skipped", location, where, tried))
		return ScriptDir{}, false, nil
	}
	if !isDir(path) {
		l.notes = append(l.notes, note("script_location %s (%s) is not a directory: that section is skipped", absPath(path), where))
		return ScriptDir{}, false, nil
	}
	sd, err := l.complete(ScriptDir{Name: section, Origin: "config", Location: path}, section)
	return sd, err == nil, err
}

// complete adds the version locations, recursion and dialect of a section.
func (l *loader) complete(sd ScriptDir, section string) (ScriptDir, error) {
	sd.Config = l.config
	locs, err := l.versionLocations(section)
	if err != nil {
		return sd, err
	}
	for _, v := range locs {
		path, _, guess := l.locate(v, "version_locations", "")
		if path == "" {
			// kept where it would be, so that the missing directory is reported
			path = resolve(guess)
		}
		sd.VersionLocations = append(sd.VersionLocations, path)
	}
	if len(sd.VersionLocations) == 0 {
		sd.VersionLocations = []string{filepath.Join(sd.Location, "versions")}
	}
	if l.ini != nil {
		rec, _, err := l.ini.get(section, "recursive_version_locations")
		if err != nil {
			return sd, err
		}
		sd.Recursive = isTrue(rec)
		if d := dialectFromURL(l.ini.rawOrExpanded(section, "sqlalchemy.url")); d != "" {
			sd.Dialect, sd.DialectSource = d, "sqlalchemy.url"
		}
	}
	if v, ok := l.tool["recursive_version_locations"]; ok && !l.iniSets(section, "recursive_version_locations") {
		b, _ := v.(bool)
		sd.Recursive = b
	}
	return sd, nil
}

// iniSets reports whether the ini sets key for section (itself or [DEFAULT]).
func (l *loader) iniSets(section, key string) bool {
	if l.ini == nil {
		return false
	}
	_, ok := l.ini.raw(section, key)
	return ok
}

func isTrue(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "on":
		return true
	}
	return false
}

func (l *loader) versionLocations(section string) ([]string, error) {
	if l.ini != nil {
		value, _, err := l.ini.get(section, "version_locations")
		if err != nil {
			return nil, err
		}
		if value != "" {
			return l.ini.splitPaths(section, value)
		}
	}
	v, ok := l.tool["version_locations"]
	if !ok {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("version_locations ([tool.alembic] in %s) must be a list of strings", l.tomlPath)
	}
	var locs []string
	for _, item := range list {
		s, ok := item.(string)
		if !ok {
			return nil, fmt.Errorf("version_locations ([tool.alembic] in %s) must be a list of strings", l.tomlPath)
		}
		s, err := l.tomlValue(s, "version_locations")
		if err != nil {
			return nil, err
		}
		locs = append(locs, s)
	}
	return locs, nil
}

// tomlValue applies alembic's `value % {"here": ...}` to a [tool.alembic] string.
func (l *loader) tomlValue(s, key string) (string, error) {
	here := filepath.Dir(l.tomlPath)
	v, err := interpolate(s, func(name string) (string, error) {
		if name == "here" {
			return here, nil
		}
		return "", fmt.Errorf("%%(%s)s is not defined", name)
	})
	if err != nil {
		return "", fmt.Errorf("%s ([tool.alembic] in %s): %w", key, l.tomlPath, err)
	}
	return strings.TrimSpace(v), nil
}

// resourceForm is alembic's "package.module:path[:more]" location.
var resourceForm = regexp.MustCompile(`^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*:[^:/\\]`)

// locate resolves a configured location to an existing path, or returns "" and
// the places tried. Alembic resolves a relative path against the directory it
// runs from and a "package:path" through the installed package; statically,
// both are looked for from the config's directory, then its ancestors up to
// the repository root (a "package:path" also under src/ and the top-level
// folders there). A resolution other than the config's own directory is a note.
//
// When nothing exists, path is "" and tried lists the places looked at;
// guess is then where the location would be (a missing version folder of a
// package that exists, or the path relative to the run directory).
func (l *loader) locate(value, key, where string) (path, tried, guess string) {
	if filepath.IsAbs(value) {
		if exists(value) {
			return resolve(value), "", ""
		}
		if cand := l.sameEnding(value); cand != "" {
			if where != "" {
				l.notes = append(l.notes, note("%s %q (%s) does not exist here (a path on another machine or in a container): resolved to %s, which ends the same way", key, value, where, absPath(cand)))
			}
			return resolve(cand), "", ""
		}
		return "", pathMark + value + pathMark, value
	}
	var places []string
	if resourceForm.MatchString(value) {
		parts := strings.Split(value, ":")
		pkg := filepath.FromSlash(strings.ReplaceAll(parts[0], ".", "/"))
		sub := filepath.Join(parts[1:]...)
		for _, base := range l.bases(true) {
			for _, pkgDir := range packageDirs(base, pkg) {
				cand := filepath.Join(pkgDir, sub)
				places = append(places, pathMark+cand+pathMark)
				if exists(cand) {
					if where != "" {
						l.notes = append(l.notes, note("%s %q (%s) resolved statically to %s (alembic would import the package %s)", key, value, where, absPath(cand), parts[0]))
					}
					return resolve(cand), "", ""
				}
				if guess == "" && isDir(pkgDir) {
					guess = cand
				}
			}
		}
		return "", brief.List(places, 4), guess
	}
	// a path of several folders is specific enough to climb as far as a
	// package path (an ini deep in a checkout without .git, run from its top)
	specific := strings.Contains(filepath.ToSlash(filepath.Clean(value)), "/")
	for _, base := range l.bases(specific) {
		cand := filepath.Join(base, value)
		places = append(places, pathMark+cand+pathMark)
		if !exists(cand) {
			continue
		}
		if base != l.dir && where != "" {
			l.runDir = base
			l.notes = append(l.notes, note("%s %q (%s) is relative to the directory alembic runs from: resolved against %s, not the ini's directory", key, value, where, absPath(base)))
		}
		return resolve(cand), "", ""
	}
	return "", brief.List(places, 4), filepath.Join(l.runDir, value)
}

// sameEnding finds the directory an absolute path from another machine
// means here (script_location = /app/svc/migrations in an image built from
// the repository's svc/): the longest ending of the path that exists below
// the nearest of the bases, nearest first, so that the project's own folder
// wins over one of the same name in a directory above it (tasking-manager's
// /usr/src/app/migrations is its own migrations/, not the app/migrations of
// another checkout beside it). An ending of one folder only counts next to
// the config (its directory and the one above); farther up, two at least.
// "" when none exists.
func (l *loader) sameEnding(abs string) string {
	parts := strings.Split(filepath.ToSlash(filepath.Clean(abs)), "/")[1:]
	for i, base := range l.bases(false) {
		shortest := 2
		if i < 2 {
			shortest = 1
		}
		for k := len(parts); k >= shortest; k-- {
			if cand := filepath.Join(base, filepath.Join(parts[len(parts)-k:]...)); isDir(cand) {
				return cand
			}
		}
	}
	return ""
}

// bases are the directories a relative location is tried against: the run
// directory found so far, the config's directory, then its ancestors up to
// the repository root (the directory holding .git). Without one, a plain
// path climbs three levels at most; a package path or a path of several
// folders, specific enough not to match by accident, climbs to the
// filesystem root (an ini inside a deep package names it from the top).
func (l *loader) bases(unbounded bool) []string {
	out := []string{l.runDir}
	if l.runDir != l.dir {
		out = append(out, l.dir)
	}
	top := RepoRoot(l.dir)
	for d, n := l.dir, 0; ; n++ {
		parent := filepath.Dir(d)
		if parent == d || top == "" && !unbounded && n >= 3 {
			break
		}
		d = parent
		if d != l.runDir {
			out = append(out, d)
		}
		if d == top {
			break
		}
	}
	return out
}

// packageDirs are where a package's directory may be below base: base/pkg,
// base/src/pkg, or base/<folder>/pkg (backend/, server/, lib/ ...).
func packageDirs(base, pkg string) []string {
	out := []string{filepath.Join(base, pkg), filepath.Join(base, "src", pkg)}
	entries, err := inputfile.ReadDir(base)
	if err != nil {
		return out
	}
	for _, e := range entries {
		if e.IsDir() && !skipDir(e.Name()) && e.Name() != "src" {
			out = append(out, filepath.Join(base, e.Name(), pkg))
		}
	}
	return out
}

// RepoRoot is the nearest directory at or above dir holding .git, or "".
func RepoRoot(dir string) string {
	for d := dir; ; {
		if _, err := inputfile.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

func exists(p string) bool {
	_, err := inputfile.Stat(p)
	return err == nil
}

func isDir(p string) bool {
	info, err := inputfile.Stat(p)
	return err == nil && info.IsDir()
}

func isFile(p string) bool {
	info, err := inputfile.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// resolve cleans p and resolves symlinks in the longest prefix that exists.
func resolve(p string) string {
	p = filepath.Clean(p)
	if r, err := inputfile.EvalSymlinks(p); err == nil {
		return r
	}
	parent := filepath.Dir(p)
	if parent == p {
		return p
	}
	return filepath.Join(resolve(parent), filepath.Base(p))
}
