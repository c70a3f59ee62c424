package cli

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/resultcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

func runHistory(ctx context.Context, env *Env, fs *flags, args []string) int {
	projectDir := projectFlag(fs, "project directory (default: found from PATH or the current directory)")
	format := fs.String("format", "text", "output format: text or json")
	openCache := cacheFlag(fs)
	paths, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	if *format != "text" && *format != "json" {
		return fail(env, fmt.Errorf("unknown format %q (use text or json)", *format))
	}
	proj, err := findProject(env, *projectDir, paths)
	if err != nil {
		if *format == "json" {
			return failJSON(env, report.HistoryDocument{Version: 1, ScriptDirectories: []report.HistoryDirectory{},
				Errors: []report.FileError{{Path: cmp.Or(*projectDir, first(paths), "."), Message: err.Error()}}, Notes: []string{}}, err)
		}
		return fail(env, err)
	}
	cache := openCache()
	defer cache.Flush()
	read, _, err := resultcache.Reuse(cache, env.Log, "history", []any{proj}, func() (historyRead, error) {
		dirs, errs, notes := check.Load(ctx, proj, migration.ParseFileHeader)
		if err := ctx.Err(); err != nil {
			return historyRead{}, err
		}
		return historyRead{Doc: report.NewHistoryDocument(proj, dirs, errs, append(append([]string{}, proj.Notes...), notes...)), Errors: errs}, nil
	})
	if err != nil {
		return fail(env, err)
	}
	doc, errs := read.Doc, read.Errors
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return fail(env, err)
		}
	} else if err := report.HistoryText(env.Stdout, doc); err != nil {
		return fail(env, err)
	}
	if *format == "text" {
		for _, e := range errs {
			fmt.Fprintln(env.Stderr, "alembic-patterns:", e)
		}
		printNotes(env, doc.Notes)
	}
	// as check: an info (a revision expected in another package) fails nothing
	for _, d := range doc.ScriptDirectories {
		if slices.ContainsFunc(d.Problems, func(p report.HistoryProblem) bool { return p.Severity != string(rules.Info) }) {
			return ExitFindings
		}
	}
	if len(errs) > 0 {
		return ExitUsage
	}
	return ExitOK
}

// historyRead is what `history` reads of a project (reused while its inputs
// are unchanged).
type historyRead struct {
	Doc    report.HistoryDocument
	Errors []*migration.FileError
}
