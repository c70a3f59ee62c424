// Package project finds Alembic projects and reads their configuration the way
// Alembic does (alembic.ini, [tool.alembic] in pyproject.toml) or better: the
// layouts real projects use (Flask-Migrate inis without script_location,
// package:path locations, paths relative to the working directory, revision
// files in nested folders, no configuration at all) are resolved statically,
// and what had to be assumed is said in Notes. It never imports the project.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
)

// ScriptDir is one Alembic script directory (one revision graph).
type ScriptDir struct {
	// Name is the alembic.ini section ("alembic", or e.g. "db2" for
	// `alembic -n db2`), "tool.alembic" when script_location comes from
	// pyproject.toml, or "" when the directory was found without configuration.
	Name string
	// Config is the file the directory was configured in ("" when none).
	Config string
	// Origin says how the directory was found: "config" (script_location),
	// "runtime" (an ini without script_location, which Flask-Migrate and
	// Flask-Alembic fill in at run time) or "shape" (no configuration: env.py
	// beside versions/, or a folder of revision files).
	Origin string
	// Location is the script_location directory: absolute, symlinks resolved.
	Location string
	// VersionLocations are the directories holding revision files (default
	// <Location>/versions). They are not required to exist.
	VersionLocations []string
	// Recursive is recursive_version_locations: revision files in
	// subdirectories of the version locations are revisions too.
	Recursive bool
	// Dialect is "postgresql", "mysql", "sqlite", "mssql", "oracle" or "".
	Dialect string
	// DialectSource is "sqlalchemy.url", "config", "folder" or "" when unknown.
	DialectSource string
}

// same reports whether two script directories read the same revision files
// (two sections or two inis naming one directory): it is checked once.
func (sd ScriptDir) same(o ScriptDir) bool {
	return o.Location == sd.Location && slices.Equal(o.VersionLocations, sd.VersionLocations)
}

// Project is one Alembic configuration (or several, in a repository holding
// independent projects) and its script directories.
type Project struct {
	// Root is the project directory: it holds the configuration and every
	// script directory (and the start directory, when the configuration was
	// found below it). Paths in results are relative to it.
	Root string
	// WriteRoot is the directory fixes may write in (symlinks resolved): the
	// repository holding the configuration (the nearest directory with .git),
	// or without one the configuration's directory; for a project found
	// without configuration, the directory it was found from. Root can be
	// wider, since script_location and version_locations may point anywhere:
	// a repository's alembic.ini must not aim writes at files outside it.
	WriteRoot string
	// ConfigFile is alembic.ini, or pyproject.toml when only [tool.alembic]
	// exists; "" when several configurations or none were found.
	ConfigFile string
	// RunDir is the directory alembic is run from: relative locations resolve
	// against it (the directory of ConfigFile unless a note says otherwise).
	RunDir     string
	ScriptDirs []ScriptDir
	Settings   Settings
	// SettingsFile is the pyproject.toml that Settings came from, "" if none.
	SettingsFile string
	// Notes say what had to be resolved or assumed to read the project.
	Notes []string
}

// ErrNoProject is returned (wrapped) when no Alembic project is found.
var ErrNoProject = errors.New("no Alembic project found")

const (
	iniName       = "alembic.ini"
	pyprojectName = "pyproject.toml"
)

// Find returns the project for start (a file or directory):
//
//  1. the nearest alembic.ini or pyproject.toml with [tool.alembic] from start
//     upward, unless start is itself a script or versions directory that this
//     configuration does not cover;
//  2. failing that, every configuration below start (a repository of several
//     independent projects is checked as one);
//  3. failing that, the script directories below start found by their shape
//     (env.py beside versions/, a directory of revision files), for projects
//     that configure Alembic in Python code;
//  4. failing that, the directories of revision files inside a folder with a
//     usual name (migrations/datasets/, migrations/dimensions/), one graph
//     each, for tools that set version_locations in code.
//
// A start that is itself an .ini file is loaded directly (alembic -c prod.ini).
func Find(start string) (*Project, error) {
	return finished(find(start))
}

// FindFrom is Find for a path given by a user working in here: outside a git
// checkout, when here holds the project found from start and a search from
// here finds the same configuration, the project as found from here. Found
// from the path up, the root is the configuration's directory (Flask-Migrate
// keeps alembic.ini in migrations/), and the files around it that say the
// dialect and the settings (requirements.txt, pyproject.toml beside
// migrations/) are read up to the repository's top, so outside one they
// would not be: a path would be checked on another dialect than the project.
func FindFrom(start, here string) (*Project, error) {
	p, err := Find(start)
	if err != nil || here == "" || p.ConfigFile == "" || p.Root == here || !relpath.Within(p.Root, here) || RepoRoot(p.Root) != "" {
		return p, err
	}
	// Found from here, the project is this one only when the search below
	// here meets no other configuration: it stops at the first (from /tmp, a
	// check of a project in it walked 13,000 directories for nothing).
	other := func(r *searchResult) bool {
		return slices.ContainsFunc(r.configs, func(cfg string) bool { return cfg != p.ConfigFile })
	}
	if dir, err := inputfile.EvalSymlinks(here); err != nil || other(searchUntil(dir, other)) {
		return p, nil
	}
	if found, err := Find(here); err == nil && found.ConfigFile == p.ConfigFile {
		return found, nil
	}
	return p, nil
}

func find(start string) (*Project, error) {
	abs, err := filepath.Abs(start)
	if err != nil {
		return nil, err
	}
	info, err := inputfile.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("cannot look for an Alembic project: %w", err)
	}
	if !info.IsDir() && filepath.Ext(abs) == ".ini" {
		return load(abs)
	}
	dir, err := inputfile.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("cannot look for an Alembic project: %w", err)
	}
	if !info.IsDir() {
		dir = filepath.Dir(dir)
	}

	if cfg, err := ConfigAbove(dir); err != nil {
		return nil, err
	} else if cfg != "" {
		p, err := loadBeside(cfg)
		if err != nil {
			return nil, err
		}
		if !p.covers(dir) {
			if own := shapeOf(dir, true); own != nil {
				return withoutConfig(dir, []ScriptDir{*own},
					note("%s is not a script directory of %s: it is analysed on its own", absPath(dir), absPath(p.ConfigFile)))
			}
		}
		p.adoptShapes()
		if dir == filepath.Dir(cfg) {
			// at the project's root, script directories beside the configured
			// one that no config covers (a second, older migrations/) are read
			// too, as when the search finds the config below the start
			p.addUncovered(scriptDirsIn(dir))
		}
		return p, nil
	}

	found := search(dir)
	switch {
	case len(found.configs) == 1:
		p, err := load(found.configs[0])
		if err != nil {
			return nil, err
		}
		p.adoptShapes()
		p.addUncovered(found.shapes)
		p.widenRoot(dir)
		p.Notes = append(p.Notes, found.notes()...)
		return p, nil
	case len(found.configs) > 1:
		return merged(dir, found)
	case len(found.shapes) > 0:
		return withoutConfig(dir, found.shapes, found.notes()...)
	case len(found.trees) > 0:
		return withoutConfig(dir, found.trees, found.notes()...)
	}
	if own := shapeOf(dir, true); own != nil {
		return withoutConfig(dir, []ScriptDir{*own})
	}
	// Started in the application's code beside the migrations (app/ next to
	// migrations/): look below the enclosing directories too.
	for _, above := range enclosing(dir) {
		if search(above).any() {
			p, err := find(above)
			if err != nil {
				return nil, err
			}
			p.Notes = append(p.Notes, note("no Alembic configuration at or below %s: using the project found below %s", absPath(dir), absPath(above)))
			return p, nil
		}
	}
	return nil, fmt.Errorf("%w from %s (looked for %s or [tool.alembic] in %s upward, and below for those or for env.py beside versions/)",
		ErrNoProject, dir, iniName, pyprojectName)
}

// loadBeside loads cfg, with the configurations under other names beside it
// (alembic-reports.ini for a second database) when there are any.
func loadBeside(cfg string) (*Project, error) {
	dir := filepath.Dir(cfg)
	others := otherConfigsIn(dir)
	if len(others) == 0 {
		return load(cfg)
	}
	return merged(dir, &searchResult{configs: append([]string{cfg}, others...)})
}

// enclosing are the directories above dir, up to the repository root, that
// a project beside dir may be found below. Outside a repository there are
// none: the directories above could hold unrelated projects.
func enclosing(dir string) []string {
	top := RepoRoot(dir)
	if top == "" {
		return nil
	}
	var out []string
	for d := dir; ; {
		parent := filepath.Dir(d)
		if parent == d || !relpath.Within(parent, top) {
			return out
		}
		out = append(out, parent)
		d = parent
	}
}

// ConfigAbove returns the nearest project config file at or above dir, or "":
// the walk up Find starts with, which never descends (the hook asks it before
// it calls Find, to stay away from the search below a directory).
func ConfigAbove(dir string) (string, error) {
	for d := dir; ; {
		cfg, err := configIn(d)
		if err != nil || cfg != "" {
			return cfg, err
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// configIn returns the project config file in dir, or "" when there is none.
// An alembic.ini that exists in any form counts, so that a broken one is
// reported by Load rather than silently skipped.
func configIn(dir string) (string, error) {
	ini := filepath.Join(dir, iniName)
	if _, err := inputfile.Lstat(ini); err == nil {
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

// Load reads one Alembic config file: an alembic.ini (any *.ini name) or a
// pyproject.toml. As alembic does, the alembic.ini and pyproject.toml of the
// same directory are read together; the ini wins where both set an option.
// A config that cannot be read or parsed is an error; a script directory
// that cannot be resolved is a note, and the others are still returned.
func Load(configFile string) (*Project, error) {
	return finished(load(configFile))
}

// finished renders the notes of a project whose root is final.
func finished(p *Project, err error) (*Project, error) {
	if err != nil {
		return nil, err
	}
	for i, n := range p.Notes {
		p.Notes[i] = relNote(n, p.Root)
	}
	return p, nil
}

func load(configFile string) (*Project, error) {
	abs, err := filepath.Abs(configFile)
	if err != nil {
		return nil, err
	}
	// Only the directory is resolved: alembic's %(here)s is the directory of
	// the path it was given, even when the file itself is a symlink.
	root, err := inputfile.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return nil, fmt.Errorf("cannot read Alembic config: %w", err)
	}
	p := &Project{Root: root, RunDir: root, WriteRoot: repoOrDir(root), ConfigFile: filepath.Join(root, filepath.Base(abs))}

	iniPath, tomlPath := p.ConfigFile, filepath.Join(root, pyprojectName)
	if filepath.Ext(abs) == ".toml" {
		iniPath, tomlPath = filepath.Join(root, iniName), p.ConfigFile
	}
	// The file asked for must be readable; its sibling is optional.
	optional := func(path string, err error) bool {
		return path != p.ConfigFile && errors.Is(err, fs.ErrNotExist)
	}
	l := loader{dir: root, config: p.ConfigFile, tomlPath: tomlPath}
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
	p.RunDir = l.runDir
	p.Notes = l.notes
	if p.Settings, p.SettingsFile, err = loadSettings(root); err != nil {
		return nil, err
	}
	p.applySettings()
	p.fitRoot()
	return p, nil
}

// merged is the project of a repository holding several configurations: all of
// them are checked. Configurations that fail to load become notes.
func merged(dir string, found *searchResult) (*Project, error) {
	p := &Project{Root: dir, RunDir: dir, WriteRoot: repoOrDir(dir)}
	var rel []string
	for _, cfg := range found.configs {
		rel = append(rel, relpath.Rel(dir, cfg))
		sub, err := load(cfg)
		if err != nil {
			p.Notes = append(p.Notes, "skipped: "+err.Error())
			continue
		}
		sub.adoptShapes()
		added := 0
		for _, sd := range sub.ScriptDirs {
			// two configurations of one script directory (a deployment's copy of
			// the ini): its findings would come twice
			if i := slices.IndexFunc(p.ScriptDirs, sd.same); i >= 0 {
				p.Notes = append(p.Notes, note("%s configures the script directory %s as %s does: it is checked once",
					absPath(cfg), absPath(sd.Location), absPath(p.ScriptDirs[i].Config)))
				continue
			}
			p.ScriptDirs = append(p.ScriptDirs, sd)
			added++
		}
		if added > 0 || len(sub.ScriptDirs) == 0 { // a copy's notes repeat the first one's
			p.Notes = append(p.Notes, sub.Notes...)
		}
	}
	p.addUncovered(found.shapes)
	p.Notes = append([]string{fmt.Sprintf("%d Alembic configurations found; all are checked. To check one, pass it with -c FILE (or its directory with --project DIR):\n%s",
		len(found.configs), brief.Lines(rel, brief.Names))}, p.Notes...)
	p.Notes = append(p.Notes, found.notes()...)
	var err error
	if p.Settings, p.SettingsFile, err = loadSettings(dir); err != nil {
		return nil, err
	}
	p.applySettings()
	p.fitRoot()
	return p, nil
}

// withoutConfig is the project of script directories found by their shape.
func withoutConfig(dir string, dirs []ScriptDir, notes ...string) (*Project, error) {
	p := &Project{Root: dir, RunDir: dir, WriteRoot: repoOrDir(dir), ScriptDirs: dirs, Notes: notes}
	for _, sd := range dirs {
		p.Notes = append(p.Notes, note("no Alembic configuration found for %s (Alembic is configured in Python code?): its revision files are analysed as one revision graph", absPath(sd.Location)))
	}
	var err error
	if p.Settings, p.SettingsFile, err = loadSettings(dir); err != nil {
		return nil, err
	}
	p.applySettings()
	p.fitRoot()
	return p, nil
}

// adoptShapes is the fallback of a configuration whose script directories
// could not be resolved (a templated script_location, a directory that was
// moved): the script directories found by their shape below the config's
// directory.
func (p *Project) adoptShapes() {
	if len(p.ScriptDirs) > 0 || p.ConfigFile == "" {
		return
	}
	for _, sd := range search(filepath.Dir(p.ConfigFile)).shapes {
		sd.Name, sd.Config = "alembic", p.ConfigFile
		p.ScriptDirs = append(p.ScriptDirs, sd)
		p.Notes = append(p.Notes, note("using %s instead, found by its shape (env.py beside versions/, or a folder of revision files)", absPath(sd.Location)))
	}
	p.applySettings()
	p.fitRoot()
}

// addUncovered adds the script directories found by shape that no configured
// one covers (a plugin's own migrations beside the application's), so that
// every history in the tree is read.
func (p *Project) addUncovered(shapes []ScriptDir) {
	for _, sd := range shapes {
		if p.covers(sd.Location) || slices.ContainsFunc(p.ScriptDirs, func(c ScriptDir) bool { return relpath.Within(c.Location, sd.Location) }) {
			continue
		}
		p.ScriptDirs = append(p.ScriptDirs, sd)
		p.Notes = append(p.Notes, note("%s is not configured in any alembic.ini but holds revision files: it is analysed as its own revision graph", absPath(sd.Location)))
	}
	p.applySettings()
	p.fitRoot()
}

func (p *Project) applySettings() {
	if p.Settings.Dialect == "" {
		return
	}
	for i := range p.ScriptDirs {
		p.ScriptDirs[i].Dialect, p.ScriptDirs[i].DialectSource = p.Settings.Dialect, "config"
	}
}

// covers reports whether dir belongs to the project as configured: it is
// inside a script directory, or not itself shaped like one.
func (p *Project) covers(dir string) bool {
	for _, sd := range p.ScriptDirs {
		if relpath.Within(dir, sd.Location) {
			return true
		}
		for _, v := range sd.VersionLocations {
			if relpath.Within(dir, v) {
				return true
			}
		}
	}
	return false
}

// widenRoot makes dir (where the user started, above the configuration) the
// project root, so that paths read from there.
func (p *Project) widenRoot(dir string) {
	if relpath.Within(p.Root, dir) {
		p.Root = dir
	}
}

// fitRoot moves Root up to the deepest directory holding every script
// directory (a location resolved against an ancestor lies outside the
// config's own directory).
func (p *Project) fitRoot() {
	for _, sd := range p.ScriptDirs {
		for _, d := range append([]string{sd.Location}, sd.VersionLocations...) {
			for !relpath.Within(d, p.Root) {
				parent := filepath.Dir(p.Root)
				if parent == p.Root {
					break
				}
				p.Root = parent
			}
		}
	}
}

// repoOrDir is the repository holding dir, else dir itself: the WriteRoot of
// a project configured in dir, and the top of the code read around it.
func repoOrDir(dir string) string {
	if repo := RepoRoot(dir); repo != "" {
		return repo
	}
	return dir
}

// ScriptDirOf returns the script directory whose version locations (symlinks
// resolved) hold path, at any depth (release folders below versions/ count),
// or nil.
func (p *Project) ScriptDirOf(path string) *ScriptDir {
	for i := range p.ScriptDirs {
		sd := &p.ScriptDirs[i]
		for _, loc := range sd.VersionLocations {
			if real, err := inputfile.EvalSymlinks(loc); err == nil && relpath.Within(path, real) {
				return sd
			}
		}
	}
	return nil
}

// Writable reports whether fixes may write path (absolute, symlinks resolved):
// it lies inside WriteRoot.
func (p *Project) Writable(path string) bool {
	return relpath.Within(path, p.WriteRoot)
}

// Rel is path relative to the project root (slash-separated) when it lies
// inside it, else path as it is: how messages name a file.
func (p *Project) Rel(path string) string { return relpath.Rel(p.Root, path) }

// Inside resolves a path (relative to the project root when not absolute),
// following symlinks, and refuses anything outside the project.
func (p *Project) Inside(path string) (string, error) {
	if !filepath.IsAbs(path) {
		path = filepath.Join(p.Root, path)
	}
	resolved, err := inputfile.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if !relpath.Within(resolved, p.Root) {
		return "", fmt.Errorf("%s is outside the project directory %s", path, p.Root)
	}
	return resolved, nil
}

// pathMark brackets the absolute paths in notes until fitRoot knows the root
// they are shown relative to.
const pathMark = "\x00"

// absPath is a note argument shown relative to the project root.
type absPath string

// note formats a note; its absPath arguments are marked for fitRoot.
func note(format string, args ...any) string {
	for i, a := range args {
		if p, ok := a.(absPath); ok {
			args[i] = pathMark + string(p) + pathMark
		}
	}
	return fmt.Sprintf(format, args...)
}

func relNote(n, root string) string {
	parts := strings.Split(n, pathMark)
	for i := 1; i < len(parts); i += 2 {
		if parts[i] = relpath.Rel(root, parts[i]); parts[i] == "." {
			parts[i] = "./"
		}
	}
	return strings.Join(parts, "")
}
