package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/review"
	"github.com/alembic-patterns/alembic-patterns/server/internal/verify"
)

// runReview prints the analysis of a target. It informs and never gates: the
// exit code is 0 even when there are findings (check gates), 2 on a usage or
// I/O error or an unknown revision.
func runReview(ctx context.Context, env *Env, fs *flags, args []string) int {
	projectDir := projectFlag(fs, "project directory (default: found from PATH or the current directory)")
	format := fs.String("format", "text", "output format: text, json or markdown")
	pg := fs.Int("postgres-version", 0, "PostgreSQL major version to state the facts for (default: from the project, else 16)")
	profile := fs.String("profile", "", "rule profile for the findings: default or zero-downtime")
	dialect := fs.String("dialect", "", "database dialect (default: from configuration, else inferred)")
	withVerify := fs.Bool("verify", false, "also run verify on a scratch PostgreSQL and show the observed locks and rewrites next to the predicted ones")
	dbURL := fs.String("database-url", "", "with --verify: the server to create the scratch database on (default: $"+verify.EnvURL+", else a private cluster)")
	openCache := cacheFlag(fs)
	positional, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	writers := map[string]func(io.Writer, *review.Review) error{"text": review.Text, "json": nil, "markdown": review.Markdown}
	write, ok := writers[*format]
	if !ok {
		return fail(env, fmt.Errorf("unknown format %q (use text, json or markdown)", *format))
	}
	if len(positional) > 1 {
		return fail(env, fmt.Errorf("review takes one revision or file, got %d arguments", len(positional)))
	}
	if *pg < 0 {
		return fail(env, fmt.Errorf("--postgres-version %d is not a PostgreSQL major version", *pg))
	}
	target, start := reviewTarget(env, positional)
	proj, err := findProject(env, *projectDir, start)
	if err != nil {
		return fail(env, err)
	}
	cache := openCache()
	defer cache.Flush()
	rv, err := review.Analyze(ctx, proj, target, review.Options{
		Check:           check.Options{Profile: *profile, Dialect: *dialect, Parse: cache.Parse},
		PostgresVersion: *pg,
	})
	if err != nil {
		return fail(env, err)
	}
	var observed *verify.Result
	if *withVerify {
		if observed, err = verify.Run(ctx, proj, verify.Options{Target: target, DatabaseURL: *dbURL,
			Progress: func(s string) { env.Log.Info().Msg(s) }}); err != nil {
			return fail(env, fmt.Errorf("--verify: %w", err))
		}
	}
	if *format == "json" {
		err = writeJSON(env.Stdout, reviewWithVerification{rv, observed})
	} else if err = write(env.Stdout, rv); err == nil && observed != nil {
		fmt.Fprintln(env.Stdout)
		if *format == "markdown" {
			err = verify.Markdown(env.Stdout, observed)
		} else {
			err = verify.Text(env.Stdout, observed)
		}
	}
	if err != nil {
		return fail(env, err)
	}
	return ExitOK
}

// reviewWithVerification is the review document, plus with --verify what the
// database showed (the predicted locks and rewrites beside the observed ones).
type reviewWithVerification struct {
	*review.Review
	Verification *verify.Result `json:"verification,omitempty"`
}

// reviewTarget reads the argument: a revision file or a project directory
// (which also locate the project), else a revision id, range or label.
func reviewTarget(env *Env, positional []string) (target string, start []string) {
	if len(positional) == 0 {
		return "", nil
	}
	arg := positional[0]
	path := arg
	if !filepath.IsAbs(path) {
		path = filepath.Join(env.Dir, path)
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return arg, nil
	case info.IsDir():
		return "", []string{path}
	}
	return path, []string{path}
}

func writeJSON(w io.Writer, rv any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rv)
}
