package cli

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/relpath"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/resultcache"
)

func runCheck(ctx context.Context, env *Env, fs *flags, args []string) int {
	projectDir := projectFlag(fs, "project directory (default: found from PATH or the current directory)")
	format := fs.String("format", "text", "output format: text, json, sarif or github")
	profile := fs.String("profile", "", "rule profile: default or zero-downtime")
	sel := fs.String("select", "", "comma-separated rule ids to run (instead of the profile)")
	ignore := fs.String("ignore", "", "comma-separated rule ids to skip")
	failOn := fs.String("fail-on", "", "lowest severity that makes the exit code 1: error, warning or info (default error)")
	since := fs.String("since", "", "report only revisions after this one")
	dialect := fs.String("dialect", "", "database dialect (default: from configuration, else inferred)")
	openCache := cacheFlag(fs)
	paths, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	writers := map[string]func(*check.Result) error{
		"text": func(r *check.Result) error {
			return report.Text(env.Stdout, r, "run `alembic-patterns check` to see them")
		},
		"json":   func(r *check.Result) error { return report.JSON(env.Stdout, r) },
		"sarif":  func(r *check.Result) error { return report.SARIF(env.Stdout, r) },
		"github": func(r *check.Result) error { return report.GitHub(env.Stdout, r) },
	}
	write, ok := writers[*format]
	if !ok {
		return fail(env, fmt.Errorf("unknown format %q (use text, json, sarif or github)", *format))
	}
	// Whatever fails below, a JSON caller still gets a document.
	failed := func(path string, err error) int {
		if *format != "json" {
			return fail(env, err)
		}
		return failJSON(env, report.Document{Version: 1, Findings: []report.Finding{}, Notes: []string{}, Elsewhere: map[string]int{},
			Errors: []report.FileError{{Path: path, Message: err.Error()}}}, err)
	}
	proj, err := findProject(env, *projectDir, paths)
	if err != nil {
		return failed(cmp.Or(*projectDir, first(paths), "."), err)
	}
	opts := check.Options{Profile: *profile, Select: splitList(*sel), Ignore: splitList(*ignore), Since: *since, Dialect: *dialect,
		CountElsewhere: true}
	if opts.Files, err = revisionFiles(env, proj, paths); err != nil {
		return failed(first(paths), err)
	}
	threshold, err := check.ParseSeverity(cmp.Or(*failOn, proj.Settings.FailOn, "error"))
	if err != nil {
		return failed("", err)
	}
	cache := openCache()
	defer cache.Flush()
	res, _, err := resultcache.Check(ctx, cache, env.Log, proj, opts)
	if err != nil {
		return failed(proj.Root, err)
	}
	if err := write(res); err != nil {
		return fail(env, err)
	}
	if *format == "text" || *format == "github" {
		printNotes(env, res.Notes)
	}
	for _, d := range res.Findings {
		if d.Severity.Rank() >= threshold.Rank() {
			return ExitFindings
		}
	}
	if len(res.Errors) > 0 {
		return ExitUsage
	}
	return ExitOK
}

// revisionFiles returns the file arguments (absolute, symlinks resolved), or nil
// when the arguments name directories of the project (the whole project is
// then reported). A directory that has nothing to do with the project is an
// error (files are checked by check.Run).
func revisionFiles(env *Env, proj *project.Project, paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(env.Dir, p)
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if info.IsDir() {
			if !related(proj, p) {
				return nil, fmt.Errorf("%s is outside the project %s: pass a directory or revision file of it, or the project of that directory", p, proj.Root)
			}
			return nil, nil
		}
		if p, err = filepath.EvalSymlinks(p); err != nil {
			return nil, err
		}
		files = append(files, p)
	}
	return files, nil
}

// related reports whether dir holds the project, lies in it, or lies in one
// of its script directories (which may be outside the root).
func related(proj *project.Project, dir string) bool {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	places := []string{proj.Root}
	for _, sd := range proj.ScriptDirs {
		places = append(append(places, sd.Location), sd.VersionLocations...)
	}
	for _, p := range places {
		if relpath.Within(dir, p) || relpath.Within(p, dir) {
			return true
		}
	}
	return false
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
