package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/autogen"
	"github.com/alembic-patterns/alembic-patterns/server/internal/workflow"
)

// runCreate runs the project's alembic to create a revision, then checks the
// new file and applies its safe fixes (workflow.Create, as create_migration).
// Exit status: 0 created with no error finding left, 1 created with error
// findings left, 2 alembic failed or a usage error.
func runCreate(ctx context.Context, env *Env, fs *flags, args []string) int {
	message := fs.String("m", "", "what the revision does (required)")
	fs.StringVar(message, "message", "", "same as -m")
	projectDir := projectFlag(fs, "project directory (default: found from the current directory)")
	noAuto := fs.Bool("no-autogenerate", false, "write an empty revision (no --autogenerate)")
	noFix := fs.Bool("no-fix", false, "do not apply the safe fixes to the new file")
	alembicCmd := fs.String("alembic-cmd", "", "how to run alembic, e.g. \"uv run alembic\" (default: $"+autogen.EnvCommand+", else detected)")
	timeout := fs.Duration("timeout", autogen.DefaultTimeout, "stop alembic after this long")
	format := fs.String("format", "text", "output format: text or json")
	rest, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	if len(rest) > 0 {
		return fail(env, fmt.Errorf("unexpected argument %q (quote the message: -m \"add orders\")", rest[0]))
	}
	if *format != "text" && *format != "json" {
		return fail(env, fmt.Errorf("unknown format %q (use text or json)", *format))
	}
	if *message == "" {
		return fail(env, errors.New("create needs -m MESSAGE"))
	}
	var command []string
	if *alembicCmd != "" {
		var err error
		if command, err = autogen.SplitCommand(*alembicCmd); err != nil {
			return fail(env, fmt.Errorf("--alembic-cmd: %w", err))
		}
	}
	proj, err := findProject(env, *projectDir, nil)
	if err != nil {
		return fail(env, err)
	}
	start := time.Now()
	res, err := workflow.Create(ctx, proj, workflow.CreateOptions{
		Alembic: autogen.Options{
			Message:      *message,
			Autogenerate: !*noAuto,
			Command:      command,
			Timeout:      *timeout,
			Progress:     func(msg string) { fmt.Fprintln(env.Stderr, "  "+msg) },
		},
		Fix: !*noFix,
	})
	if err != nil {
		return fail(env, err)
	}
	env.Log.Debug().Dur("took", time.Since(start)).Str("path", res.Path).Msg("create")
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			return fail(env, err)
		}
	} else {
		fmt.Fprint(env.Stdout, res.Text())
	}
	for _, f := range res.Findings {
		if f.Severity == "error" {
			return ExitFindings
		}
	}
	return ExitOK
}
