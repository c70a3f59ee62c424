package hook

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/printable"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/shellquote"
)

// editInput is the part of Write/Edit/MultiEdit's tool_input (and of their
// tool_response) that names the file.
type editInput struct {
	FilePath  string `json:"file_path"`
	FilePath2 string `json:"filePath"`
}

// checkEdited checks an edited file when it is a revision file of an Alembic
// project, and reports its error findings.
func checkEdited(ctx context.Context, in *Input, opts Options, edited *atomic.Value) Outcome {
	log := opts.Log
	path := editedPath(in)
	if path == "" || !strings.HasSuffix(path, ".py") {
		return Outcome{}
	}
	if !filepath.IsAbs(path) {
		if in.Cwd == "" {
			return Outcome{}
		}
		path = filepath.Join(in.Cwd, path)
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		log.Debug().Err(err).Str("path", path).Msg("hook: edited file is gone")
		return Outcome{}
	}
	proj, sd := projectOf(real, in.Cwd)
	if proj == nil {
		log.Debug().Str("path", real).Msg("hook: not a revision file of an Alembic project")
		return Outcome{}
	}
	log.Debug().Str("project", proj.Root).Str("script_location", sd.Location).Msg("hook: checking revision file")
	edited.Store(real)

	cache := modelcache.New(opts.CacheDir, log)
	defer cache.Flush()
	checking := check.Options{Files: []string{real}, Parse: cache.Parse}
	if cache != nil {
		checking.Snapshots = cache // the file is checked from snapshots of the history below it
	}
	res, err := check.Run(ctx, proj, checking)
	if err != nil && ctx.Err() != nil {
		return notChecked(real, opts.Timeout, log)
	}
	if err != nil {
		log.Warn().Err(err).Msg("hook: check failed")
		return Outcome{}
	}
	if out := reportErrors(res, real); out != (Outcome{}) {
		return out
	}
	for _, sd := range res.Dirs {
		for _, r := range sd.Loaded.Graph.Revisions {
			if r.Path == real && r.Migration.TooLarge { // not checked: say so rather than nothing
				return addContext(in, "alembic-patterns: "+check.TooLargeNote(proj.Root, real)+".")
			}
		}
	}
	return Outcome{}
}

func editedPath(in *Input) string {
	for _, raw := range []json.RawMessage{in.ToolInput, in.ToolResponse} {
		var e editInput
		if len(raw) == 0 || json.Unmarshal(raw, &e) != nil {
			continue
		}
		if e.FilePath != "" {
			return e.FilePath
		}
		if e.FilePath2 != "" {
			return e.FilePath2
		}
	}
	return ""
}

// projectOf returns the project and script directory whose version locations
// hold path. The project is looked for from the file's directory upward (a
// cheap walk that never descends); failing that, when the file looks like a
// revision file, from the session's working directory the way the CLI does.
func projectOf(path, cwd string) (*project.Project, *project.ScriptDir) {
	var starts []string
	if cfg, err := project.ConfigAbove(filepath.Dir(path)); err == nil && cfg != "" {
		starts = append(starts, filepath.Dir(cfg))
	}
	if cwd != "" && project.LooksLikeRevision(path) {
		starts = append(starts, cwd)
	}
	for _, start := range starts {
		if p, err := project.FindFrom(start, cwd); err == nil {
			if sd := p.ScriptDirOf(path); sd != nil {
				return p, sd
			}
		}
	}
	return nil, nil
}

// reportErrors turns the error findings (and parse errors) of the file into
// the hook's stderr report.
func reportErrors(res *check.Result, path string) Outcome {
	only := *res
	only.Findings = nil
	only.Errors = nil
	only.Notes = nil
	for _, d := range res.Findings {
		if d.Path == path && d.Severity == rules.Error {
			only.Findings = append(only.Findings, d)
		}
	}
	for _, e := range res.Errors {
		if e.Path == path {
			only.Errors = append(only.Errors, e)
		}
	}
	if len(only.Findings) == 0 && len(only.Errors) == 0 {
		return Outcome{}
	}
	rel := report.Rel(res, path)
	var b strings.Builder
	fmt.Fprintf(&b, "alembic-patterns: %s will fail on a real database. Errors found after this edit:\n\n", rel)
	// the findings without the summary line, which would be about the whole project
	var findings strings.Builder
	_ = report.Findings(&findings, &only) // a strings.Builder takes every write
	b.WriteString(strings.TrimRight(findings.String(), "\n"))
	b.WriteString("\n\n")
	if fixable := report.Fixable(only.Findings); fixable > 0 {
		which := "It has"
		if len(only.Findings) > 1 {
			which = brief.Count(fixable, "of them has", "of them have")
		}
		fmt.Fprintf(&b, "%s a safe automatic fix: call the fix_migration tool with target %q and apply: true, or run `alembic-patterns fix %s`.\n",
			which, path, shellquote.Word(path))
	}
	b.WriteString("Fix the errors before applying or committing this migration; the alembic-patterns skill has the patterns that work on PostgreSQL.\n")
	return Outcome{Code: ExitReport, Stderr: truncate(printable.Text(b.String()), maxReport)}
}
