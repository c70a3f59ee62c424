package cli

import (
	"context"
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/fix"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
)

func runFix(ctx context.Context, env *Env, fs *flags, args []string) int {
	projectDir := projectFlag(fs, "project directory (default: found from PATH or the current directory)")
	unsafe := fs.Bool("unsafe", false, "also apply unsafe fixes (review them)")
	diff := fs.Bool("diff", false, "print a unified diff and write nothing")
	sel := fs.String("select", "", "comma-separated rule ids to fix")
	ignore := fs.String("ignore", "", "comma-separated rule ids to leave alone")
	outside := fs.Bool("allow-outside-project", false,
		"also write revision files outside the project (its repository, or the config's directory) that the configuration points at")
	openCache := cacheFlag(fs)
	paths, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	proj, err := findProject(env, *projectDir, paths)
	if err != nil {
		return fail(env, err)
	}
	opts := fix.Options{Unsafe: *unsafe, AllowOutside: *outside, Check: check.Options{Select: splitList(*sel), Ignore: splitList(*ignore)}}
	if opts.Check.Files, err = revisionFiles(env, proj, paths); err != nil {
		return fail(env, err)
	}
	cache := openCache()
	defer cache.Flush()
	opts.Check.Parse = cache.Parse
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
		if !d.Fixable(*unsafe) {
			continue
		}
		unfixed++
	}
	verb := "applied"
	if *diff {
		verb = "would apply"
	}
	fmt.Fprintf(env.Stderr, "alembic-patterns: %s %s; %s (run `alembic-patterns check`)\n", verb, brief.Count(applied, "fix", "fixes"),
		brief.Count(len(res.Remaining.Findings), "finding remains", "findings remain"))
	if unfixed > 0 {
		return ExitFindings
	}
	return ExitOK
}
