package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/workflow"
)

// maxDiagnoseInput bounds what is read from stdin.
const maxDiagnoseInput = 16 << 20

// runDiagnose explains the output of a failed alembic run read from stdin
// (workflow.Explain, as diagnose_error). Exit status: 0 an error was
// recognised, 1 nothing was recognised, 2 usage or I/O error.
func runDiagnose(ctx context.Context, env *Env, fs *flags, args []string) int {
	projectDir := projectFlag(fs, "project directory (default: found from the current directory; optional)")
	target := fs.String("target", "", "revision that failed (default: the one alembic's 'Running upgrade' line names)")
	format := fs.String("format", "text", "output format: text or json")
	openCache := cacheFlag(fs)
	rest, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	if len(rest) > 0 {
		return fail(env, fmt.Errorf("unexpected argument %q: pipe the error output into diagnose", rest[0]))
	}
	if *format != "text" && *format != "json" {
		return fail(env, fmt.Errorf("unknown format %q (use text or json)", *format))
	}
	if env.Stdin == nil {
		return fail(env, fmt.Errorf("no input: pipe the output of the failed alembic command into diagnose"))
	}
	data, err := io.ReadAll(io.LimitReader(env.Stdin, maxDiagnoseInput))
	if err != nil {
		return fail(env, err)
	}
	// The project is optional: explaining text needs none; checking a target does.
	var proj *project.Project
	if p, err := findProject(env, *projectDir, nil); err == nil {
		proj = p
	} else if *projectDir != "" || *target != "" {
		return fail(env, err)
	}
	cache := openCache()
	defer cache.Flush()
	ex, err := workflow.Explain(ctx, proj, string(data), *target, check.Options{Parse: cache.Parse})
	if err != nil {
		return fail(env, err)
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(ex); err != nil {
			return fail(env, err)
		}
	} else {
		fmt.Fprint(env.Stdout, ex.Text())
	}
	for _, d := range ex.Diagnoses {
		if d.Known {
			return ExitOK
		}
	}
	return ExitFindings
}
