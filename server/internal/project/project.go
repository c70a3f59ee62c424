// Package project finds Alembic projects and reads their configuration:
// alembic.ini, [tool.alembic] and [tool.alembic-patterns] in pyproject.toml.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ScriptDir is one Alembic script directory (one revision graph).
type ScriptDir struct {
	// Name is the alembic.ini section ("alembic", or e.g. "db2" for
	// `alembic -n db2`), or "tool.alembic" when script_location comes from
	// pyproject.toml (alembic is then run without -n).
	Name string
	// Location is the script_location directory: absolute, symlinks resolved.
	Location string
	// VersionLocations are the directories holding revision files (default
	// <Location>/versions). They are not required to exist.
	VersionLocations []string
	// Dialect is "postgresql", "mysql", "sqlite", "mssql", "oracle" or "".
	Dialect string
	// DialectSource is "sqlalchemy.url", "config" or "" when unknown.
	DialectSource string
}

// Project is one Alembic configuration and its script directories.
type Project struct {
	Root       string // absolute directory of the config file (symlinks resolved)
	ConfigFile string // alembic.ini, or pyproject.toml when only [tool.alembic] exists
	ScriptDirs []ScriptDir
	Settings   Settings
	// SettingsFile is the pyproject.toml that Settings came from, "" if none.
	SettingsFile string
}

// ErrNoProject is returned (wrapped) when no Alembic project is found.
var ErrNoProject = errors.New("no Alembic project found")

const (
	iniName       = "alembic.ini"
	pyprojectName = "pyproject.toml"
	maxFindDepth  = 4
)

// skipDirs are never searched for projects; other directories starting with
// a dot (caches, editor settings) are skipped as well.
var skipDirs = map[string]bool{
	".git":          true,
	".venv":         true,
	".tox":          true,
	"node_modules":  true,
	"venv":          true,
	"__pycache__":   true,
	"site-packages": true,
}

// Find returns the project for start (a file or directory): the nearest
// alembic.ini or pyproject.toml with [tool.alembic] script_location from the
// directory of start upward; failing that, the only one at most four levels
// below it. A start that is itself an .ini file is loaded directly, so that
// configs with other names (alembic -c prod.ini) can be passed.
func Find(start string) (*Project, error) {
	abs, err := filepath.Abs(start)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("cannot look for an Alembic project: %w", err)
	}
	if !info.IsDir() && filepath.Ext(abs) == ".ini" {
		return Load(abs)
	}
	dir, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("cannot look for an Alembic project: %w", err)
	}
	if !info.IsDir() {
		dir = filepath.Dir(dir)
	}

	for d := dir; ; {
		cfg, err := configIn(d)
		if err != nil {
			return nil, err
		}
		if cfg != "" {
			return Load(cfg)
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}

	found, err := walk(dir, maxFindDepth)
	if err != nil {
		return nil, err
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("%w from %s (looked for %s or [tool.alembic] in %s)", ErrNoProject, dir, iniName, pyprojectName)
	case 1:
		return Load(found[0])
	}
	rel := make([]string, len(found))
	for i, f := range found {
		rel[i], _ = filepath.Rel(dir, f)
	}
	return nil, fmt.Errorf("found %d Alembic projects under %s: %s; pass --project DIR to choose one",
		len(found), dir, strings.Join(rel, ", "))
}

// FindAll loads every project under root (any depth). Projects that fail to
// load are reported in the joined error while the others are still returned.
func FindAll(root string) ([]*Project, error) {
	abs, err := filepath.Abs(root)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot look for Alembic projects: %w", err)
	}
	found, err := walk(abs, -1)
	if err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("%w under %s (looked for %s or [tool.alembic] in %s)", ErrNoProject, abs, iniName, pyprojectName)
	}
	var projects []*Project
	var errs []error
	for _, cfg := range found {
		p, err := Load(cfg)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		projects = append(projects, p)
	}
	return projects, errors.Join(errs...)
}

// configIn returns the project config file in dir, or "" when there is none.
// An alembic.ini that exists in any form counts, so that a broken one is
// reported by Load rather than silently skipped.
func configIn(dir string) (string, error) {
	ini := filepath.Join(dir, iniName)
	if _, err := os.Lstat(ini); err == nil {
		return ini, nil
	}
	py := filepath.Join(dir, pyprojectName)
	doc, _, err := readPyproject(py)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if _, ok := doc.Tool.Alembic["script_location"]; ok {
		return py, nil
	}
	return "", nil
}

// walk returns the config files of the projects in root and below, at most
// maxDepth directory levels down (no limit when maxDepth < 0). Symlinked
// directories are not followed and unreadable ones are skipped.
func walk(root string, maxDepth int) ([]string, error) {
	var found []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		depth := 0
		if p != root {
			name := d.Name()
			if skipDirs[name] || strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			rel, _ := filepath.Rel(root, p)
			depth = strings.Count(rel, string(filepath.Separator)) + 1
		}
		cfg, err := configIn(p)
		if err != nil {
			return err
		}
		if cfg != "" {
			found = append(found, cfg)
		}
		if maxDepth >= 0 && depth >= maxDepth {
			return filepath.SkipDir
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot look for Alembic projects: %w", err)
	}
	return found, nil
}

// Load reads one Alembic config file: an alembic.ini (any *.ini name) or a
// pyproject.toml. As alembic does, the alembic.ini and pyproject.toml of the
// same directory are read together; the ini wins where both set an option.
func Load(configFile string) (*Project, error) {
	abs, err := filepath.Abs(configFile)
	if err != nil {
		return nil, err
	}
	// Only the directory is resolved: alembic's %(here)s is the directory of
	// the path it was given, even when the file itself is a symlink.
	root, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return nil, fmt.Errorf("cannot read Alembic config: %w", err)
	}
	p := &Project{Root: root, ConfigFile: filepath.Join(root, filepath.Base(abs))}

	iniPath, tomlPath := p.ConfigFile, filepath.Join(root, pyprojectName)
	if filepath.Ext(abs) == ".toml" {
		iniPath, tomlPath = filepath.Join(root, iniName), p.ConfigFile
	}
	// The file asked for must be readable; its sibling is optional.
	optional := func(path string, err error) bool {
		return path != p.ConfigFile && errors.Is(err, fs.ErrNotExist)
	}
	l := loader{root: root, tomlPath: tomlPath}
	if l.ini, err = readINI(iniPath, root); err != nil && !optional(iniPath, err) {
		return nil, err
	}
	doc, _, err := readPyproject(tomlPath)
	if err != nil && !optional(tomlPath, err) {
		return nil, err
	}
	if doc != nil {
		l.tool = doc.Tool.Alembic
	}

	if p.ScriptDirs, err = l.scriptDirs(); err != nil {
		return nil, err
	}
	if len(p.ScriptDirs) == 0 {
		return nil, fmt.Errorf("%s has no script_location (in an ini section or in [tool.alembic])", p.ConfigFile)
	}
	if p.Settings, p.SettingsFile, err = loadSettings(root); err != nil {
		return nil, err
	}
	if p.Settings.Dialect != "" {
		for i := range p.ScriptDirs {
			p.ScriptDirs[i].Dialect, p.ScriptDirs[i].DialectSource = p.Settings.Dialect, "config"
		}
	}
	return p, nil
}

// loader builds script directories from an alembic.ini and [tool.alembic];
// either may be absent.
type loader struct {
	root     string
	ini      *iniConfig
	tool     map[string]any
	tomlPath string
}

func (l *loader) scriptDirs() ([]ScriptDir, error) {
	var dirs []ScriptDir
	mainInINI := false
	if l.ini != nil {
		for _, sec := range l.ini.sections {
			if !l.ini.owns(sec, "script_location") {
				// [DEFAULT] is inherited by every section, but only the main
				// one is taken from it: [loggers] etc. are no script dirs.
				if _, ok := l.ini.raw(sec, "script_location"); sec != "alembic" || !ok {
					continue
				}
			}
			loc, _, err := l.ini.get(sec, "script_location")
			if err != nil {
				return nil, err
			}
			sd, err := l.scriptDir(sec, loc, fmt.Sprintf("[%s] in %s", sec, l.ini.path))
			if err != nil {
				return nil, err
			}
			dirs = append(dirs, sd)
			mainInINI = mainInINI || sec == "alembic"
		}
	}
	if v, ok := l.tool["script_location"]; ok && !mainInINI {
		where := "[tool.alembic] in " + l.tomlPath
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("script_location (%s) must be a string", where)
		}
		loc, err := l.tomlValue(s, "script_location")
		if err != nil {
			return nil, err
		}
		sd, err := l.scriptDir("alembic", loc, where)
		if err != nil {
			return nil, err
		}
		sd.Name = "tool.alembic"
		dirs = append(dirs, sd)
	}
	return dirs, nil
}

// scriptDir resolves one script directory whose ini options come from
// section (alembic falls back to [tool.alembic] for options missing there).
func (l *loader) scriptDir(section, location, where string) (ScriptDir, error) {
	if location == "" {
		return ScriptDir{}, fmt.Errorf("script_location (%s) is empty", where)
	}
	sd := ScriptDir{Name: section, Location: l.path(location)}
	info, err := os.Stat(sd.Location)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return sd, fmt.Errorf("script_location %s (%s) does not exist", sd.Location, where)
	case err != nil:
		return sd, fmt.Errorf("script_location (%s): %w", where, err)
	case !info.IsDir():
		return sd, fmt.Errorf("script_location %s (%s) is not a directory", sd.Location, where)
	}

	locs, err := l.versionLocations(section)
	if err != nil {
		return sd, err
	}
	for _, v := range locs {
		sd.VersionLocations = append(sd.VersionLocations, l.path(v))
	}
	if len(sd.VersionLocations) == 0 {
		sd.VersionLocations = []string{filepath.Join(sd.Location, "versions")}
	}

	if l.ini != nil {
		if d := dialectFromURL(l.ini.rawOrExpanded(section, "sqlalchemy.url")); d != "" {
			sd.Dialect, sd.DialectSource = d, "sqlalchemy.url"
		}
	}
	return sd, nil
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

// path makes a configured location absolute. Alembic resolves relative paths
// against the current directory, which in practice is the directory of the
// config file (`alembic` is run from there); using Root keeps the result
// independent of where alembic-patterns runs. "package:path" resource forms
// map to <root>/package/path, or <root>/src/package/path when only the src
// layout's package directory exists.
func (l *loader) path(value string) string {
	if !filepath.IsAbs(value) {
		if pkg, sub, ok := strings.Cut(value, ":"); ok {
			pkgDir := filepath.FromSlash(strings.ReplaceAll(pkg, ".", "/"))
			base := filepath.Join(l.root, pkgDir)
			if alt := filepath.Join(l.root, "src", pkgDir); !exists(base) && exists(alt) {
				base = alt
			}
			value = filepath.Join(base, sub)
		}
	}
	if !filepath.IsAbs(value) {
		value = filepath.Join(l.root, value)
	}
	return resolve(value)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// resolve cleans p and resolves symlinks in the longest prefix that exists.
func resolve(p string) string {
	p = filepath.Clean(p)
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	parent := filepath.Dir(p)
	if parent == p {
		return p
	}
	return filepath.Join(resolve(parent), filepath.Base(p))
}
