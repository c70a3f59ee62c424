package cli

import (
	"context"
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/fix"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

var _ = register(command{"fix", "fix [PATH...] [--project DIR] [--unsafe] [--diff] [--select R,..] [--ignore R,..] [--allow-outside-project]", runFix})

func runFix(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "fix")
	projectDir := projectFlag(fs, "project directory (default: found from PATH or the current directory)")
	unsafe := fs.Bool("unsafe", false, "also apply unsafe fixes (review them)")
	diff := fs.Bool("diff", false, "print a unified diff and write nothing")
	sel := fs.String("select", "", "comma-separated rule ids to fix")
	ignore := fs.String("ignore", "", "comma-separated rule ids to leave alone")
	outside := fs.Bool("allow-outside-project", false,
		"also write revision files outside the project (its repository, or the config's directory) that the configuration points at")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return ExitUsage
	}
	proj, err := findProject(env, *projectDir, paths)
	if err != nil {
		return fail(env, err)
	}
	opts := fix.Options{Unsafe: *unsafe, AllowOutside: *outside, Check: check.Options{Select: splitList(*sel), Ignore: splitList(*ignore)}}
	if opts.Check.Files, err = revisionFiles(env, proj, paths); err != nil {
		return fail(env, err)
	}
	res, err := fix.Compute(ctx, proj, opts)
	if err != nil {
		return fail(env, err)
	}
	var writeErr error
	if *diff {
		fmt.Fprint(env.Stdout, res.Diff(proj.Root))
	} else {
		writeErr = res.Write()
	}
	applied := 0
	for _, f := range res.Files {
		rel := report.Rel(res.Remaining, f.Path)
		if *diff {
			applied += len(f.Applied)
		} else if f.Written {
			for _, a := range f.Applied {
				applied++
				fmt.Fprintf(env.Stdout, "fixed %s:%d: %s [%s]\n", rel, a.Line, a.Message, a.Rule)
			}
		}
		if f.Refused != "" {
			fmt.Fprintf(env.Stderr, "alembic-patterns: %s: %s\n", rel, f.Refused)
		}
	}
	if writeErr != nil {
		return fail(env, writeErr)
	}
	// what still needs a human, or --unsafe
	unfixed := 0
	for _, d := range res.Remaining.Findings {
		if len(d.Fixes) == 0 || (d.Fixes[0].Safety == rules.Unsafe && !*unsafe) {
			continue
		}
		unfixed++
	}
	verb := "applied"
	if *diff {
		verb = "would apply"
	}
	fmt.Fprintf(env.Stderr, "alembic-patterns: %s %d fixes; %d findings remain (run `alembic-patterns check`)\n", verb, applied, len(res.Remaining.Findings))
	if unfixed > 0 {
		return ExitFindings
	}
	return ExitOK
}
