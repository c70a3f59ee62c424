package check

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// A focused check reports on a few revisions (the file the hook was told
// about) without reading the whole history: every file's header builds the
// graph, the schema below each checked revision comes from a snapshot kept
// by an earlier run (rules.Snapshot, keyed by the content of every revision
// below it), and whole models are read only for the revisions the rules
// look at beyond the schema. A check that cannot be focused reads every
// model and keeps the snapshots the next focused check will want. A focused
// check says the same about the files it reports on; it leaves out the
// rules' notes about the whole history (downgrade-missing's count).

// Snapshots reads the headers of revision files, knows a digest of the
// bytes it read of each, and keeps values by name (modelcache.Cache).
type Snapshots interface {
	ParseHeader(ctx context.Context, path string) (*migration.Migration, error)
	// Prefetch starts reading what ParseHeader will want of the files of
	// dir, while the directory is listed.
	Prefetch(dir string)
	Digest(path string) ([]byte, bool)
	LoadValue(name []byte, v any) bool
	KeepValue(name []byte, v any)
	HasValue(name []byte) bool
}

// focusable reports whether a check with these options may be focused: it
// reports on given files or revisions only, and does not count the findings
// of the others.
func focusable(opts Options) bool {
	return opts.Snapshots != nil && (opts.Files != nil || opts.Revisions != nil) &&
		opts.Since == "" && opts.Target == "" && !opts.CountElsewhere
}

// keptSnapshot is a snapshot taken by a check that was not focused, to keep.
type keptSnapshot struct {
	key      []byte
	snapshot *rules.Snapshot
}

// keepSnapshots keeps the snapshots a check took, compacted and with their
// tables stored apart (a check from one looks up few), as many at once as
// there are cores. A snapshot the codec cannot write is not kept.
func keepSnapshots(cache Snapshots, kept []keptSnapshot) {
	var encoding sync.WaitGroup
	cores := make(chan struct{}, runtime.GOMAXPROCS(0)) // an encoding holds a copy of every table at once
	for _, k := range kept {
		if cache.HasValue(k.key) {
			continue // kept by an earlier run (the key says what it holds)
		}
		cores <- struct{}{}
		encoding.Go(func() {
			defer func() { <-cores }()
			stored, err := k.snapshot.State.Compact().Stored()
			if err != nil {
				return
			}
			snapshot := *k.snapshot
			snapshot.State = stored
			cache.KeepValue(k.key, &snapshot)
		})
	}
	encoding.Wait()
}

// focusScope sets up the rules' scope of a check that may be focused: from
// snapshots when every one it needs is kept; else over whole models, keeping
// the snapshots after every head and after the inputs of the heads and of
// the included revisions (the revisions a later focused check starts from:
// an edit of a head, a new revision above one).
//
// focused says whether included revisions are checked from snapshots.
func focusScope(ctx context.Context, g *history.Graph, include func(*history.Revision) bool, opts Options, scope *rules.Scope, kept *[]keptSnapshot) (focused bool) {
	keys := newSnapshotKeys(g, opts.Snapshots)
	scope.Whole = wholeLoader(ctx, opts, keys)
	if keys != nil {
		if plan := planFocus(include, keys, opts.Snapshots); plan != nil {
			scope.Start = plan.start
			return plan.included > 0
		}
		keepWanted(g, include, true, keys, scope, kept)
	}
	return false
}

// keepWanted makes a run keep the snapshots after the inputs of the heads
// and of the included revisions (nil include: a whole check, none), and with
// heads after every head: the revisions a later check starts from (an edit of
// a head; with heads, a new revision above one too, which the focused checks
// of the edit hook see first). A whole check keeps no head's: after each edit
// of the head it would be another to encode, and a new revision above it is
// replayed once. It keeps checkpoints instead (rules.Scope.Checkpoints).
func keepWanted(g *history.Graph, include func(*history.Revision) bool, heads bool, keys *snapshotKeys, scope *rules.Scope, kept *[]keptSnapshot) {
	wanted := map[string]bool{}
	wantInputs := func(r *history.Revision) {
		for _, id := range r.Inputs() {
			wanted[id] = true
		}
	}
	for _, id := range g.Heads {
		wanted[id] = heads
		wantInputs(g.Revisions[id])
	}
	for _, r := range g.Revisions {
		if include != nil && include(r) { // a whole check keeps those of the heads only
			wantInputs(r)
		}
	}
	scope.Checkpoints = include == nil
	scope.Keep = func(r *history.Revision) bool { return wanted[r.ID] }
	scope.Kept = func(r *history.Revision, s *rules.Snapshot) {
		if key := keys.of(r); key != nil {
			*kept = append(*kept, keptSnapshot{key, s})
		}
	}
}

// loadSnapshot is the snapshot kept after r, nil when there is none.
func loadSnapshot(cache Snapshots, keys *snapshotKeys, r *history.Revision) *rules.Snapshot {
	var s rules.Snapshot
	key := keys.of(r)
	if key == nil || !cache.LoadValue(key, &s) || s.State == nil {
		return nil
	}
	return &s
}

// focusPlan is how the included revisions of a graph are checked from snapshots.
type focusPlan struct {
	start map[string]*rules.Snapshot
	// included counts the revisions checked.
	included int
}

// planFocus returns the plan for checking the included revisions of g from
// snapshots (none when no revision is included), or nil when one is missing
// or an included revision is a merge (the schema before it needs the
// upgrades of a whole branch).
func planFocus(include func(*history.Revision) bool, keys *snapshotKeys, cache Snapshots) *focusPlan {
	g := keys.g
	plan := &focusPlan{start: map[string]*rules.Snapshot{}}
	var included []*history.Revision
	for _, r := range g.Revisions {
		if include(r) {
			included = append(included, r)
		}
	}
	plan.included = len(included)
	if len(included) == 0 {
		return plan // nothing to check here (another script directory holds the file)
	}
	for _, r := range included {
		if !slices.Contains(g.Order, r) || len(r.Inputs()) > 1 {
			return nil
		}
		for _, id := range r.Inputs() {
			if plan.start[id] != nil {
				continue
			}
			if plan.start[id] = loadSnapshot(cache, keys, g.Revisions[id]); plan.start[id] == nil {
				return nil
			}
		}
	}
	return plan
}

// snapshotKeys names the snapshots of one graph.
type snapshotKeys struct {
	g      *history.Graph
	naming []byte // how the project names constraints
	// content are the digests of the files' bytes whose headers built the graph
	content map[string][]byte
	// upgrades are the revisions' upgrade chains (history.Graph.UpgradeChains)
	upgrades map[string][]byte
}

// newSnapshotKeys returns the namer of g's snapshots, or nil when the
// digest of a file's bytes is not known.
func newSnapshotKeys(g *history.Graph, snapshots Snapshots) *snapshotKeys {
	// the states depend on the naming convention and the dialects replayed for
	replay, _ := json.Marshal(struct {
		Naming   naming.Namer
		Dialects []string
	}{g.Naming, g.Dialects})
	k := &snapshotKeys{g: g, naming: replay, content: make(map[string][]byte, len(g.Revisions)), upgrades: g.UpgradeChains()}
	for _, r := range g.Revisions {
		digest, ok := snapshots.Digest(r.Path)
		if !ok {
			return nil
		}
		k.content[r.Path] = digest
	}
	return k
}

// of is the key of the snapshot after r, nil when there is none: it holds
// while the upgrades of r and of every revision below it, their paths and
// links are the same, and the project names constraints the same way.
func (k *snapshotKeys) of(r *history.Revision) []byte {
	chain, ok := k.upgrades[r.ID]
	if !ok {
		return nil
	}
	return fmt.Appendf(nil, "snapshot %s %x", k.naming, chain)
}

// wholeLoader loads the whole models of revisions of a graph whose
// snapshots keys names (nil: not known), for rules.Scope.Whole.
func wholeLoader(ctx context.Context, opts Options, keys *snapshotKeys) func([]*history.Revision) (map[*history.Revision]*migration.Migration, error) {
	return func(revs []*history.Revision) (map[*history.Revision]*migration.Migration, error) {
		return wholeModels(ctx, revs, opts, keys)
	}
}

// wholeModels reads the whole models of the revisions of revs whose models
// are headers. A file that changed since its header was read (an editor
// saving meanwhile) makes the graph and the snapshots' keys stale: that is a
// changedError, and Run checks the project again.
func wholeModels(ctx context.Context, revs []*history.Revision, opts Options, keys *snapshotKeys) (map[*history.Revision]*migration.Migration, error) {
	var paths []string
	var todo []*history.Revision
	for _, r := range revs {
		if r.Migration.HeaderOnly {
			paths = append(paths, r.Path)
			todo = append(todo, r)
		}
	}
	if len(todo) == 0 {
		return nil, nil
	}
	models, _ := history.Parse(ctx, paths, opts.Parse)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	byPath := make(map[string]*migration.Migration, len(models))
	for _, m := range models {
		byPath[m.Path] = m
	}
	out := make(map[*history.Revision]*migration.Migration, len(todo))
	for _, r := range todo {
		m := byPath[r.Path]
		changed := m == nil || !sameHeader(m, r.Migration)
		if keys != nil && !changed {
			digest, ok := opts.Snapshots.Digest(r.Path)
			changed = !ok || !bytes.Equal(digest, keys.content[r.Path])
		}
		if changed {
			return nil, &changedError{r.Path}
		}
		out[r] = m
	}
	return out, nil
}

// changedError says that a file changed between the reads of its header
// and of its whole model.
type changedError struct{ path string }

func (e *changedError) Error() string { return e.path + " changed while it was being checked" }

// sameHeader reports whether two models of a file place it in the history alike.
func sameHeader(a, b *migration.Migration) bool {
	same := func(x, y migration.Header) bool { return x.Kind == y.Kind && slices.Equal(x.Values, y.Values) }
	return same(a.Revision, b.Revision) && same(a.DownRevision, b.DownRevision) &&
		same(a.DependsOn, b.DependsOn) && same(a.BranchLabels, b.BranchLabels) && a.TooLarge == b.TooLarge &&
		len(a.SyntaxErrors) == len(b.SyntaxErrors) && a.Path == b.Path
}
