package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/alembic-patterns/alembic-patterns/server/internal/autogen"
	"github.com/alembic-patterns/alembic-patterns/server/internal/verify"
)

// runVerify runs the round trip and the lock trace on a scratch database.
// Exit codes: 0 passed, 1 a step failed or data was lost, 2 usage, setup or
// I/O error (no database, env.py ignores the URL, unknown revision).
func runVerify(ctx context.Context, env *Env, fs *flags, args []string) int {
	projectDir := projectFlag(fs, "project directory (default: the current directory)")
	dbURL := fs.String("database-url", "", "PostgreSQL server to create the scratch database on (default: $"+verify.EnvURL+", else a private cluster)")
	useProject := fs.Bool("use-project-url", false, "allow the server of the project's own URL (alembic.ini, $DATABASE_URL) when it is local")
	seed := fs.String("seed", verify.SeedAuto, "rows put in at the parent: auto, none, or an SQL file")
	format := fs.String("format", "text", "output format: text, json or markdown")
	alembicCmd := fs.String("alembic-cmd", "", "how to run alembic, e.g. \"uv run alembic\" (default: $"+autogen.EnvCommand+", else detected)")
	timeout := fs.Duration("timeout", autogen.DefaultTimeout, "stop each alembic run after this long")
	positional, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	writers := map[string]func(io.Writer, *verify.Result) error{"text": verify.Text, "markdown": verify.Markdown,
		"json": func(w io.Writer, r *verify.Result) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(r)
		}}
	write, ok := writers[*format]
	if !ok {
		return fail(env, fmt.Errorf("unknown format %q (use text, json or markdown)", *format))
	}
	if len(positional) > 1 {
		return fail(env, fmt.Errorf("verify takes one revision or range A:B, got %d arguments", len(positional)))
	}
	target := ""
	if len(positional) == 1 {
		target = positional[0]
	}
	var command []string
	if *alembicCmd != "" {
		var err error
		if command, err = autogen.SplitCommand(*alembicCmd); err != nil {
			return fail(env, fmt.Errorf("--alembic-cmd: %w", err))
		}
	}
	seedArg := *seed
	if seedArg != verify.SeedAuto && seedArg != verify.SeedNone && !filepath.IsAbs(seedArg) {
		seedArg = filepath.Join(env.Dir, seedArg)
	}
	proj, err := findProject(env, *projectDir, nil)
	if err != nil {
		return fail(env, err)
	}
	res, err := verify.Run(ctx, proj, verify.Options{Target: target, DatabaseURL: *dbURL, UseProjectURL: *useProject, Seed: seedArg,
		Alembic: command, Timeout: *timeout, Progress: func(s string) { env.Log.Info().Msg(s) }})
	if err != nil {
		return fail(env, err)
	}
	if err := write(env.Stdout, res); err != nil {
		return fail(env, err)
	}
	if !res.Passed {
		return ExitFindings
	}
	return ExitOK
}
