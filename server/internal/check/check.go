// Package check runs the rules over a project: it loads every script directory,
// replays the history, applies the rule selection, suppressions and severity
// overrides, and returns findings in revision order (base to head). The CLI,
// the hook and the MCP server all call Run.
package check

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// Options select what to check and how; zero values fall back to the project's
// [tool.alembic-patterns] settings, then to the defaults.
type Options struct {
	Profile         string
	Select          []string
	Ignore          []string
	Severity        map[string]string
	Dialect         string
	PostgresVersion int
	// Since reports only revisions above this one (the history is still read).
	Since string
	// Files restricts reporting to these absolute paths (nil = every file).
	Files []string
	// Revisions restricts reporting to these revision ids (nil = every revision).
	Revisions map[string]bool
	// Target restricts reporting to a target (see ResolveTarget); "" = everything.
	Target string
	// Parse overrides how files are parsed (the MCP server caches them). It
	// does not change the result (resultcache keys results by the other fields).
	Parse history.Parser `json:"-"`
	// Snapshots, when set, is the cache that keeps snapshots of the replayed
	// history (modelcache.Cache): a check of given files or revisions then
	// starts from them where it can (see focus.go), and keeps those the next
	// one will want. A check that is not focused reuses the findings an
	// earlier one made on each revision whose bytes and schema below are
	// unchanged (rules.Scope.Reuse), and replays the others from the
	// snapshots nearest below them. Either reads every file's header and
	// only the whole models the rules read (rules.Scope.Whole). None of this
	// changes a finding.
	Snapshots Snapshots `json:"-"`
	// CountElsewhere checks the revisions outside the reported ones too, and
	// counts their findings in Result.Elsewhere (so that a summary of the head
	// can say that older revisions have errors).
	CountElsewhere bool
}

// Result is the outcome for one project.
type Result struct {
	Project  *project.Project
	Files    int
	Findings []rules.Diagnostic
	Errors   []*migration.FileError
	// Notes tell the user about assumptions (e.g. an inferred dialect).
	Notes []string
	// Dirs are the loaded script directories, for callers that need the graph.
	Dirs []*ScriptDir
	// Scope says what was reported on ("" = every revision), e.g. "head 3f2a1b".
	Scope string
	// Checked is the number of revision files reported on.
	Checked int
	// Elsewhere counts by severity the findings in the revisions outside Scope
	// (with Options.CountElsewhere).
	Elsewhere map[rules.Severity]int

	// Focused counts the script directories whose reported revisions were
	// checked from snapshots (see Options.Snapshots).
	Focused int

	// order numbers the revision files of Dirs (see ComparePaths).
	order map[string]int
}

// ScriptDir is one loaded script directory.
type ScriptDir struct {
	Config  project.ScriptDir
	Loaded  *history.Loaded
	Dialect string
	// Also are the other dialects the project certainly runs on (checked too).
	Also []string
	// SetAside are the revision files of folders left out as a history kept
	// aside (see setAside), sorted.
	SetAside []string
}

// Load parses every script directory of a project. Notes say how revision
// files were found (nested folders read, directories split). When ctx is done
// the result is incomplete: callers check ctx.Err().
func Load(ctx context.Context, proj *project.Project, parse history.Parser) ([]*ScriptDir, []*migration.FileError, []string) {
	var dirs []*ScriptDir
	var errs []*migration.FileError
	var notes []string
	for _, sd := range proj.ScriptDirs {
		listing := proj.RevisionFiles(sd)
		notes = append(notes, listing.Notes...)
		models, parseErrs := history.Parse(ctx, listing.Files, parse)
		var aside []string
		if folders := setAside(sd, models); len(folders) > 0 {
			inAside := func(path string) bool { return folders[topFolder(sd.VersionLocations, path)] }
			for _, f := range listing.Files {
				if inAside(f) {
					aside = append(aside, f)
				}
			}
			models = slices.DeleteFunc(models, func(m *migration.Migration) bool { return inAside(m.Path) })
			parseErrs = slices.DeleteFunc(parseErrs, func(e *migration.FileError) bool { return inAside(e.Path) })
			notes = append(notes, asideNote(proj.Root, sd, folders, len(aside)))
		}
		notes = append(notes, listing.NestedNotes(proj.Root, aside)...)
		errs = append(errs, parseErrs...)
		parts := splitByFolder(sd, models)
		if len(parts) > 1 {
			notes = append(notes, splitNote(proj.Root, sd, parts))
		}
		for _, part := range parts {
			cfg, location := sd, sd.Location
			if part.folder != "" {
				cfg.VersionLocations, location = []string{part.folder}, part.folder
				if d := project.DialectOfName(filepath.Base(part.folder)); d != "" && cfg.Dialect == "" {
					cfg.Dialect, cfg.DialectSource = d, "folder"
				}
			}
			g := history.Build(location, part.models)
			if len(g.Dangling) > 0 {
				// only a history naming revisions it lacks needs the packaging
				// files and code read: it may be merged with installed packages'
				// (history and check say the same of it)
				g.SharedThrough = cmp.Or(proj.HistoryEntryPoint(cfg), proj.HistoryEntryPointReader(cfg))
			}
			dirs = append(dirs, &ScriptDir{Config: cfg, Loaded: &history.Loaded{Graph: g}, Dialect: cfg.Dialect, SetAside: aside})
			for _, s := range g.Skipped {
				errs = append(errs, &migration.FileError{Path: s.Path, Msg: s.Reason})
			}
		}
	}
	return dirs, errs, notes
}

// Run checks a project. When a file changes while it is checked (an editor
// saving meanwhile), it checks the project again, once.
func Run(ctx context.Context, proj *project.Project, opts Options) (*Result, error) {
	res, err := run(ctx, proj, opts)
	if changed := (*changedError)(nil); errors.As(err, &changed) {
		res, err = run(ctx, proj, opts)
	}
	return res, err
}

func run(ctx context.Context, proj *project.Project, opts Options) (*Result, error) {
	cfg, err := resolveConfig(proj.Settings, proj.SettingsFile, opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Project: proj, Notes: append([]string{}, proj.Notes...)}
	var notes []string
	focus := focusable(opts)
	parse := opts.Parse
	if opts.Snapshots != nil {
		// headers first: the rules say which whole models they read (see
		// rules.Scope.Whole and focus.go)
		parse = opts.Snapshots.ParseHeader
		for _, sd := range proj.ScriptDirs {
			for _, dir := range sd.VersionLocations {
				opts.Snapshots.Prefetch(dir)
			}
		}
	}
	res.Dirs, res.Errors, notes = Load(ctx, proj, parse)
	if err := ctx.Err(); err != nil {
		return nil, err // the files not parsed would look like missing revisions
	}
	res.Notes = append(res.Notes, notes...)
	res.order = revisionOrder(res.Dirs)
	if opts.Files != nil {
		// A file that is no revision file would be reported on as if it were fine.
		var unknown []string
		if opts.Files, unknown = revisionPaths(res.Dirs, res.Errors, opts.Files); len(unknown) > 0 {
			if aside := setAsideAmong(res.Dirs, unknown); len(aside) > 0 {
				return nil, fmt.Errorf("%s is in a folder Alembic does not read: it was left out as a history kept aside "+
					"(recursive_version_locations is not set, and none of its revisions follows or precedes one Alembic reads)",
					brief.List(aside, brief.Names))
			}
			return nil, fmt.Errorf("%s is not a revision file of the project %s (its revision files are in %s)",
				brief.List(unknown, brief.Names), proj.Root, versionLocations(proj))
		}
	}
	if opts.Target != "" {
		files, err := ResolveTarget(proj, res.Dirs, opts.Target)
		if err != nil {
			return nil, err
		}
		if files != nil {
			opts.Files = append(opts.Files, files...)
		}
	}
	var sinceFound bool
	var elsewhere []rules.Diagnostic
	var undecided []string // script directories whose dialect was inferred or assumed
	dependent := map[string]bool{}
	conventions := map[string]*naming.Convention{} // by script directory (split ones share it)
	var scoped []string                            // the revisions reported on, when a scope limits them
	var tooLarge []string                          // notes on files not analysed fully
	for _, sd := range res.Dirs {
		g := sd.Loaded.Graph
		res.Files += len(g.Revisions)
		choice := dialectFor(proj, sd, cfg.dialect)
		dialect, note := choice.dialect, choice.note
		sd.Dialect, sd.Also = dialect, choice.also
		conv, read := conventions[sd.Config.Location]
		if !read {
			conv = naming.Read(ctx, sd.Config.Location, proj.Root, proj.CodeRoot())
			conventions[sd.Config.Location] = conv
		}
		g.Naming = naming.Namer{Convention: conv, Dialect: dialect}
		if dialect != "" {
			g.Dialects = append([]string{dialect}, choice.also...)
		}
		if note != "" {
			undecided = append(undecided, note)
		}
		include, found, err := includeFilter(g, proj.Root, opts, cfg.exclude)
		if err != nil {
			return nil, err
		}
		sinceFound = sinceFound || found
		checkedHere := 0
		for _, r := range g.Revisions {
			if include == nil || include(r) {
				checkedHere++
				res.Checked++
				if include != nil {
					scoped = append(scoped, r.ID)
				}
				if r.Migration.TooLarge {
					tooLarge = append(tooLarge, TooLargeNote(proj.Root, r.Path))
				}
			}
		}
		runOn := include
		if opts.CountElsewhere {
			runOn = func(r *history.Revision) bool {
				return include == nil || include(r) || !excluded(proj.Root, r.Path, cfg.exclude)
			}
		}
		target := rules.Target{Dialect: dialect, Also: choice.also, DialectCertain: choice.certain, Seen: choice.seen,
			PostgresVersion: cfg.postgresVersion, SQLiteVersion: cfg.sqliteVersion}
		var blind blindSpots
		scope := rules.Scope{Include: runOn, Blind: func(r *history.Revision, b *history.Blind) {
			if include == nil || include(r) {
				blind.add(b)
			}
		}}
		var kept []keptSnapshot
		if opts.Snapshots != nil && !focus {
			// the findings of unchanged revisions are reused, and only the
			// others are replayed, from snapshots kept after their inputs
			scope.Reuse = opts.Snapshots
			keys := newSnapshotKeys(g, opts.Snapshots)
			if keys != nil {
				scope.Snapshot = func(r *history.Revision) *rules.Snapshot { return loadSnapshot(opts.Snapshots, keys, r) }
				keepWanted(g, include, false, keys, &scope, &kept)
			}
			scope.Whole = wholeLoader(ctx, opts, keys)
		}
		if focus && focusScope(ctx, g, runOn, opts, &scope, &kept) {
			res.Focused++
		}
		err = rules.RunScoped(ctx, g, cfg.rules, target, scope, func(d rules.Diagnostic) {
			if sev, ok := cfg.severity[d.Rule]; ok {
				d.Severity = sev
			}
			if d.Path != "" && include != nil {
				if rev := g.Revisions[d.Revision]; rev != nil && rev.Path == d.Path && !include(rev) {
					elsewhere = append(elsewhere, d)
					return
				}
			}
			if note != "" && cfg.dependsOnDialect[d.Rule] {
				dependent[note] = true
			}
			res.Findings = append(res.Findings, d)
		})
		if err != nil {
			return nil, err
		}
		keepSnapshots(opts.Snapshots, kept)
		if n := blind.note(proj.Root, checkedHere); n != "" {
			res.Notes = append(res.Notes, n)
		}
		for _, r := range cfg.rules {
			// a rule's notes are about every revision: a focused check read
			// only the headers of most
			if r.Notes != nil && scope.Start == nil {
				res.Notes = append(res.Notes, r.Notes(g, proj.Root)...)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slices.Sort(tooLarge)
	res.Notes = append(res.Notes, tooLarge...)
	if opts.Since != "" && !sinceFound {
		return nil, fmt.Errorf("--since: no revision %q in %s", opts.Since, proj.Root)
	}
	// the dialect is worth a note only where a finding depends on it
	for _, n := range undecided {
		if dependent[n] {
			res.Notes = append(res.Notes, n)
		}
	}
	res.Findings = suppress(res.Dirs, res.Findings, cfg.enabled)
	res.sortFindings()
	if opts.CountElsewhere {
		res.Elsewhere = map[rules.Severity]int{}
		for _, d := range suppress(res.Dirs, elsewhere, cfg.enabled) {
			if d.Rule != "unused-ignore" {
				res.Elsewhere[d.Severity]++
			}
		}
	}
	res.Scope = scopeOf(opts, scoped)
	return res, nil
}

// setAsideAmong are the files that are revision files set aside.
func setAsideAmong(dirs []*ScriptDir, files []string) []string {
	var out []string
	for _, sd := range dirs {
		for _, f := range files {
			if _, found := slices.BinarySearch(sd.SetAside, f); found {
				out = append(out, f)
			}
		}
	}
	return out
}

// versionLocations names where the project's revision files are, for errors.
func versionLocations(proj *project.Project) string {
	var dirs []string
	for _, sd := range proj.ScriptDirs {
		dirs = append(dirs, sd.VersionLocations...)
	}
	return brief.List(dirs, brief.Names)
}

// TooLargeNote says that a revision file has more operations than are read
// from one file (migration.MaxOps), and what was checked of it.
func TooLargeNote(root, path string) string {
	return fmt.Sprintf("%s is too large to analyse fully: it has more than %d operations, so only its header and its place in "+
		"the history were checked, not its operations (split it into smaller revisions)", relpath.Rel(root, path), migration.MaxOps)
}

// scopeOf describes what a check reported on, for summaries: "" for the whole
// history, else the target, --since or the files, with the revisions.
func scopeOf(opts Options, revisions []string) string {
	slices.Sort(revisions)
	ids := strings.Join(revisions, ", ")
	if len(revisions) > 3 {
		ids = fmt.Sprintf("%s, ... (%d revisions)", strings.Join(revisions[:3], ", "), len(revisions))
	}
	switch {
	case opts.Since != "":
		return "revisions after " + opts.Since
	case opts.Target != "" && opts.Target != "all" && (opts.Target == "head" || opts.Target == "heads"):
		return opts.Target + " " + ids
	case opts.Target != "" && opts.Target != "all":
		return ids
	case opts.Files != nil || opts.Revisions != nil:
		return ids
	}
	return ""
}

// includeFilter decides which revisions are reported.
func includeFilter(g *history.Graph, root string, opts Options, exclude []string) (func(*history.Revision) bool, bool, error) {
	var above map[string]bool
	found := false
	if opts.Since != "" {
		if revs, err := g.Resolve(opts.Since); err == nil && len(revs) == 1 {
			above, found = g.Descendants(revs[0].ID), true
		}
	}
	if opts.Since == "" && opts.Files == nil && opts.Revisions == nil && len(exclude) == 0 {
		return nil, found, nil
	}
	files := map[string]bool{} // a set: a target may name every file of a long history
	for _, f := range opts.Files {
		files[f] = true
	}
	return func(r *history.Revision) bool {
		if opts.Since != "" && !above[r.ID] {
			return false
		}
		if opts.Files != nil && !files[r.Path] {
			return false
		}
		if opts.Revisions != nil && !opts.Revisions[r.ID] {
			return false
		}
		return !excluded(root, r.Path, exclude)
	}, found, nil
}

func excluded(root, path string, patterns []string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, p := range patterns {
		if ok, _ := filepath.Match(p, rel); ok {
			return true
		}
		if ok, _ := filepath.Match(p, filepath.Base(path)); ok {
			return true
		}
		if strings.HasSuffix(p, "/**") && strings.HasPrefix(rel, strings.TrimSuffix(p, "**")) {
			return true
		}
	}
	return false
}

// revisionOrder numbers the revision files the way findings are listed: the
// script directories in turn, each from base to head (the graph's topological
// order). Hex revision ids make file names a random order; the history is the
// order people read a project in, as alembic history shows it.
func revisionOrder(dirs []*ScriptDir) map[string]int {
	n := 0
	for _, sd := range dirs {
		n += len(sd.Loaded.Graph.Order)
	}
	order := make(map[string]int, n)
	for _, sd := range dirs {
		for _, r := range sd.Loaded.Graph.Order {
			if _, seen := order[r.Path]; !seen {
				order[r.Path] = len(order)
			}
		}
	}
	return order
}

// ComparePaths orders files as findings are ordered: revision files by their
// place in the history, then the files outside it (duplicates, revisions on a
// cycle, files that are no revision) by path.
func (r *Result) ComparePaths(a, b string) int {
	ia, aIn := r.order[a]
	ib, bIn := r.order[b]
	switch {
	case aIn && bIn:
		return cmp.Compare(ia, ib)
	case aIn != bIn:
		if aIn {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// sortFindings puts the findings in revision order (ComparePaths), each
// file's by position.
func (r *Result) sortFindings() {
	slices.SortStableFunc(r.Findings, func(a, b rules.Diagnostic) int {
		if c := r.ComparePaths(a.Path, b.Path); c != 0 {
			return c
		}
		if a.Span.StartLine != b.Span.StartLine {
			return int(a.Span.StartLine) - int(b.Span.StartLine)
		}
		if a.Span.StartCol != b.Span.StartCol {
			return int(a.Span.StartCol) - int(b.Span.StartCol)
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message) // rules of several revisions report concurrently
	})
}
