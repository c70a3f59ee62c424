package resultcache

import (
	"context"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// stored is the part of a check.Result that outputs read (the loaded
// graphs are not kept: callers that need them call check.Run).
type stored struct {
	Files     int
	Findings  []rules.Diagnostic
	Errors    []*migration.FileError
	Notes     []string
	Scope     string
	Checked   int
	Elsewhere map[rules.Severity]int
}

// Check is check.Run through the cache (parsing through it too). The result
// has no Dirs.
func Check(ctx context.Context, cache *modelcache.Cache, log zerolog.Logger, proj *project.Project, opts check.Options) (*check.Result, bool, error) {
	if cache != nil {
		opts.Parse = cache.Parse
		opts.Snapshots = cache // the findings of each revision, reused while it and those below are unchanged
	}
	s, reused, err := Reuse(cache, log, "check result", []any{opts, proj}, func() (stored, error) {
		res, err := check.Run(ctx, proj, opts)
		if err == nil {
			err = ctx.Err() // an interrupted run is not a result
		}
		if err != nil {
			return stored{}, err
		}
		return storedOf(res), nil
	})
	if err != nil {
		return nil, false, err
	}
	return s.restore(proj), reused, nil
}

func storedOf(r *check.Result) stored {
	return stored{Files: r.Files, Findings: r.Findings, Errors: r.Errors, Notes: r.Notes, Scope: r.Scope,
		Checked: r.Checked, Elsewhere: r.Elsewhere}
}

func (s stored) restore(proj *project.Project) *check.Result {
	return &check.Result{Project: proj, Files: s.Files, Findings: s.Findings, Errors: s.Errors, Notes: s.Notes,
		Scope: s.Scope, Checked: s.Checked, Elsewhere: s.Elsewhere}
}
