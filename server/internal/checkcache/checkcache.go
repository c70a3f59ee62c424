// Package checkcache reuses the result of a check while nothing it read has
// changed: a run records every file it read, every file and directory it
// looked at or listed and every symlink it resolved (inputfile.Log), with a
// digest of what it saw; the next run with the same options on the same
// project performs those accesses again and, when every digest is the same,
// returns the stored result without parsing or replaying anything. This is
// how Go's test cache reuses a test result.
//
// Like the model cache it is an optimisation only: an entry that cannot be
// read, decoded or written back exactly is a miss, and a file changed while
// the run read it makes the entry unusable.
package checkcache

import (
	"context"
	"encoding/json"
	"os"
	"reflect"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// entry is what is stored of a run: what it read and what it found.
type entry struct {
	Accesses []inputfile.Access
	Digests  []inputfile.Digest
	Result   stored
}

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

// Run is check.Run through the cache. The result has no Dirs. With a nil
// cache it is check.Run. Only one Run may be under way in a process at a
// time (the log of the reads is process-wide).
func Run(ctx context.Context, cache *modelcache.Cache, log zerolog.Logger, proj *project.Project, opts check.Options) (*check.Result, bool, error) {
	if cache == nil {
		res, err := check.Run(ctx, proj, opts)
		return res, false, err
	}
	opts.Parse = cache.Parse
	key, ok := keyOf(proj, opts)
	if !ok {
		res, err := check.Run(ctx, proj, opts)
		return res, false, err
	}
	if payload, found := cache.Lookup(key); found {
		var e entry
		switch err := json.Unmarshal(payload, &e); {
		case err != nil:
			log.Debug().Err(err).Msg("check cache: unreadable entry")
		case inputfile.Unchanged(e.Accesses, e.Digests):
			log.Debug().Int("inputs", len(e.Accesses)).Msg("check cache: result reused")
			return e.Result.restore(proj), true, nil
		default:
			log.Debug().Msg("check cache: inputs changed since the last run")
		}
	}
	reads := inputfile.StartLog()
	res, err := check.Run(ctx, proj, opts)
	reads.Stop()
	if err != nil || ctx.Err() != nil {
		return res, false, err
	}
	e := entry{Result: storedOf(res)}
	e.Accesses, e.Digests = reads.Accesses()
	if payload, ok := exactly(&e); ok {
		cache.Keep(key, payload)
	} else {
		log.Debug().Msg("check cache: result not stored (it does not encode exactly)")
	}
	return res, false, nil
}

// keyOf names a run: the program (the store is per build), the working
// directory (relative paths), the options and the project as configured.
func keyOf(proj *project.Project, opts check.Options) (modelcache.Key, bool) {
	options, err := json.Marshal(opts)
	if err != nil {
		return modelcache.Key{}, false
	}
	project, err := json.Marshal(proj)
	if err != nil {
		return modelcache.Key{}, false
	}
	wd, err := os.Getwd()
	if err != nil {
		return modelcache.Key{}, false
	}
	return modelcache.KeyOf([]byte("check result v1"), []byte(wd), options, project), true
}

// exactly encodes e, or says it does not decode to the same value.
func exactly(e *entry) ([]byte, bool) {
	payload, err := json.Marshal(e)
	if err != nil {
		return nil, false
	}
	var back entry
	if json.Unmarshal(payload, &back) != nil || !reflect.DeepEqual(&back, e) {
		return nil, false
	}
	return payload, true
}

func storedOf(r *check.Result) stored {
	return stored{Files: r.Files, Findings: r.Findings, Errors: r.Errors, Notes: r.Notes, Scope: r.Scope,
		Checked: r.Checked, Elsewhere: r.Elsewhere}
}

func (s stored) restore(proj *project.Project) *check.Result {
	return &check.Result{Project: proj, Files: s.Files, Findings: s.Findings, Errors: s.Errors, Notes: s.Notes,
		Scope: s.Scope, Checked: s.Checked, Elsewhere: s.Elsewhere}
}
