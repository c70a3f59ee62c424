package rules

import (
	"context"
	"fmt"
	"maps"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// Target is the database the rules judge a history for.
type Target struct {
	// Dialect is the project's main dialect.
	Dialect string
	// Also are the other dialects the project certainly runs on: PostgreSQL-only
	// rules run when PostgreSQL is among them, and dialect-aware rules judge
	// for each of them too (a migration that fails on one of them fails).
	Also []string
	// DialectCertain is false when the dialect was assumed, or inferred while
	// other evidence points elsewhere: fixes that write a database's own
	// names are then not safe.
	DialectCertain bool
	// Seen are the other dialects the evidence of an inferred dialect names
	// (a SQLite URL beside a PostgreSQL one): findings that hold on
	// PostgreSQL alone say so.
	Seen            []string
	PostgresVersion int
	// SQLiteVersion is the configured SQLite version ("3.31"), "" when unknown.
	SQLiteVersion string
}

// RunGraph applies the given rules that judge a whole script directory
// (multiple-heads, revision-cycle, ...) to a graph.
func RunGraph(g *history.Graph, selected []*Rule, report func(Diagnostic)) {
	for _, r := range selected {
		if r.CheckGraph != nil {
			r.CheckGraph(&GraphPass{reporter: reporter{Rule: r, report: report}, Graph: g})
		}
	}
}

// dialectsFor lists the dialects a rule judges for, the main one first.
func (t Target) dialectsFor(r *Rule) []string {
	switch {
	case r.PostgresOnly && (t.Dialect == "postgresql" || slices.Contains(t.Also, "postgresql")):
		return []string{"postgresql"}
	case r.PostgresOnly:
		return nil
	case r.DialectAware:
		return append([]string{t.Dialect}, t.Also...)
	}
	return []string{t.Dialect}
}

// Run applies the given rules to every revision of a graph (replaying the schema
// once) and to the graph itself. include limits which revisions are reported
// (nil = all); the whole history is still replayed for context. A rule that
// judges for several dialects reports a finding once, in the words of the
// first dialect it fails on.
func Run(ctx context.Context, g *history.Graph, selected []*Rule, target Target, include func(*history.Revision) bool, report func(Diagnostic)) {
	_ = RunScoped(ctx, g, selected, target, Scope{Include: include}, report) // no error without Scope.Whole
}

// Scope says which revisions a run checks, and what it starts from and keeps.
type Scope struct {
	// Include selects the revisions checked (nil = all).
	Include func(*history.Revision) bool
	// Start, when not nil, holds snapshots after revisions, by id: the run
	// then replays nothing, and checks each included revision of Order from
	// the snapshots of its inputs (each included revision must have its
	// inputs' snapshots). Of the revisions far below them only headers need
	// be read (see check/focus.go).
	Start map[string]*Snapshot
	// Keep, with Kept, takes the snapshot after each revision Keep selects
	// (on a run without Start).
	Keep func(*history.Revision) bool
	Kept func(*history.Revision, *Snapshot)
	// Checkpoints: a run that replays the whole history although an earlier
	// run kept findings (a change far below every snapshot kept) takes, with
	// Keep, a snapshot every CheckpointEvery revisions too; the next such
	// change replays from the one below it. A first run takes none: most
	// histories are never changed far below their heads.
	Checkpoints bool
	// Reuse, on a run without Start, keeps the findings of each revision for
	// the next run, and reuses those an earlier run kept while what they
	// depend on is unchanged (see reuse.go).
	Reuse Values
	// Snapshot, with Reuse, loads the snapshot kept after a revision (nil
	// when there is none). When every revision whose findings are not reused
	// can start from its inputs' snapshots, or from the states of other such
	// revisions, only those revisions are replayed.
	Snapshot func(*history.Revision) *Snapshot
	// Blind, when set, is told of each included revision checked on a
	// schema the replay could not follow, where it stopped following it.
	Blind func(*history.Revision, *history.Blind)
	// Whole, when set, reads the whole models of the revisions given whose
	// models are headers (the others are left out): the run reads only
	// headers but for the revisions it asks for (see whole.go). An error (a
	// file changed since its header was read) ends the run.
	Whole wholeModels
}

// Snapshot is what checking a revision needs of the history below it, taken
// after one revision: the schema replayed up to it and the NOT NULL proofs
// of its upgrade and of those below (set-not-null-scan). A check of a
// revision whose parent has one starts from it rather than replaying the
// history. It is a value the model cache can keep (its unexported fields
// are written as they are).
type Snapshot struct {
	State   *history.State
	NotNull notNullProofs
}

// RunScoped is Run over a Scope.
func RunScoped(ctx context.Context, g *history.Graph, selected []*Rule, target Target, scope Scope, report func(Diagnostic)) error {
	memo := newRunMemo(g)
	report = memo.barredNote(report)
	included := func(rev *history.Revision) bool { return scope.Include == nil || scope.Include(rev) }
	var reused *reuse
	reusable, always := selected, []*Rule(nil)
	if scope.Reuse != nil && scope.Start == nil {
		reusable = slices.DeleteFunc(slices.Clone(selected), func(r *Rule) bool { return r.ReadsProject })
		always = slices.DeleteFunc(slices.Clone(selected), func(r *Rule) bool { return !r.ReadsProject })
		reused = newReuse(scope.Reuse, g, reusable, target, memo)
	}
	start, replays := scope.Start, map[string]bool(nil)
	if reused != nil && scope.Snapshot != nil {
		start, replays = reused.startFrom(g, included, scope.Snapshot)
	}
	var streamed *stream
	if scope.Whole != nil {
		revs := checkedOrReplayed(g, start, replays, included)
		var read map[string]bool
		switch {
		case start != nil && replays == nil: // checked from snapshots
			read = passReads(g, revs)
		case revs == nil: // the whole history replayed
			revs = g.Order
			fallthrough
		default:
			// each replayed model is loaded as the replay comes to it, and
			// what the replayed revisions read below them first
			streamed = newStream(g, revs, memo)
			read = streamed.below
		}
		if err := loadWhole(g, selected, read, scope.Whole, memo); err != nil {
			return err
		}
	}
	RunGraph(g, slices.DeleteFunc(slices.Clone(selected), func(r *Rule) bool { return len(target.dialectsFor(r)) == 0 }), report)
	checks := newPipeline(report)
	defer streamed.finish() // after the passes end
	defer checks.finish()
	// check queues the rules' passes over one revision and returns the state
	// after its upgrade, or nil when the replay must apply it
	check := func(rev *history.Revision, before *history.State) *history.State {
		if len(rev.Migration.SyntaxErrors) > 0 || rev.Migration.TooLarge {
			return nil // a partial model would invent findings; the file error or note is reported instead
		}
		found, hit := reused.lookup(rev)
		blind := found.Blind
		if before != nil {
			blind = before.UnknownSince()
		}
		if blind != nil && scope.Blind != nil && included(rev) {
			scope.Blind(rev, blind)
		}
		var shared map[string]*steps
		var after *history.State
		if hit {
			// the replay applies the upgrade, without the states around each
			// operation that only the passes read
			shared = map[string]*steps{target.Dialect: {run: memo, reads: &reads{}}}
		} else {
			shared, after = upgradeSteps(target, memo, rev, before)
		}
		checks.add(ctx, streamed.queued(rev), func(report func(Diagnostic)) {
			if hit {
				for _, d := range found.Findings {
					report(d)
				}
			} else {
				// kept as told: a check that reads only this revision's header
				// reports them again without the model annotateStops reads
				var kept []Diagnostic
				checkRevision(g, reusable, target, rev, before, shared, func(d Diagnostic) { kept = append(kept, d) })
				kept = annotateStops(rev.Migration, kept)
				reused.keep(rev, kept, shared[target.Dialect].reads, blind)
				for _, d := range kept {
					report(d)
				}
			}
			if !rev.Migration.HeaderOnly { // a header: no mark says a rule that runs always finds anything
				checkRevision(g, always, target, rev, before, shared, func(d Diagnostic) { report(d.told()) })
			}
		})
		return after
	}
	var kept func(*history.Revision, *history.State)
	if scope.Keep != nil {
		checkpoint := map[string]bool{}
		if scope.Checkpoints && start == nil && reused != nil && reused.old != nil {
			for i := CheckpointEvery - 1; i < len(g.Order); i += CheckpointEvery {
				checkpoint[g.Order[i].ID] = true
			}
		}
		kept = func(rev *history.Revision, after *history.State) {
			if scope.Keep(rev) || checkpoint[rev.ID] {
				scope.Kept(rev, &Snapshot{State: after.Clone(), NotNull: memo.notNullProofs(rev)})
			}
		}
	}
	// the replayed states still to be read, by revision id (a state is
	// released once every revision replayed above it has read it)
	readers := map[string]int{}
	for id := range replays {
		for _, input := range g.Revisions[id].Inputs() {
			readers[input]++
		}
	}
	if start == nil {
		g.ReplayUpgraded(ctx, func(rev *history.Revision, before *history.State) *history.State {
			streamed.reach(rev)
			if !included(rev) {
				return nil
			}
			return check(rev, before)
		}, kept)
	} else {
		for id, s := range start {
			memo.notNull[id] = s.NotNull
		}
		replayed := map[string]*history.State{}
		after := func(id string) *history.State {
			if s, ok := replayed[id]; ok {
				return s
			}
			if s := start[id]; s != nil {
				return s.State
			}
			return nil // a revision the graph lacks
		}
		for _, rev := range g.Order {
			if ctx.Err() != nil {
				return nil
			}
			switch {
			case replays == nil: // focused: each included revision from its inputs' snapshots
				if included(rev) {
					check(rev, g.StateBefore(rev, after))
				}
			case replays[rev.ID]:
				streamed.reach(rev)
				before := g.StateBefore(rev, after)
				for _, input := range rev.Inputs() {
					if readers[input]--; readers[input] == 0 {
						delete(replayed, input)
					}
				}
				var state *history.State
				if included(rev) {
					state = check(rev, before)
				}
				if state == nil || rev.Migration.TooLarge {
					state = before.Upgraded(rev)
				}
				if readers[rev.ID] > 0 {
					replayed[rev.ID] = state
				}
				if kept != nil {
					kept(rev, state)
				}
			case included(rev):
				check(rev, nil) // its findings are reused, and ReadsProject rules read no schema
			}
		}
	}
	checks.finish()
	streamed.finish()
	if memo.loadErr != nil {
		return memo.loadErr // the findings rest on a file that changed
	}
	if ctx.Err() == nil {
		reused.save()
	}
	return nil
}

// upgradeSteps replays a revision's upgrade on the main dialect for the
// rules' passes, which share it, and returns the state after it when the
// dialect runs all of it (the replay goes on from there), else nil.
func upgradeSteps(target Target, memo *runMemo, rev *history.Revision, before *history.State) (map[string]*steps, *history.State) {
	main := &steps{run: memo, migration: onDialect(rev.Migration, target.Dialect), reads: &reads{}}
	after := main.upgrade(before, rev.ID)
	if main.migration != rev.Migration {
		after = nil
	}
	return map[string]*steps{target.Dialect: main}, after
}

// checkRevision applies the rules to one revision, from the schema before
// it, with the replays of its operations shared by dialect (one replay of
// the revision per dialect).
func checkRevision(g *history.Graph, selected []*Rule, target Target, rev *history.Revision, before *history.State, shared map[string]*steps, report func(Diagnostic)) {
	memo := shared[target.Dialect].run
	var pass Pass
	var found []Diagnostic
	collect := func(d Diagnostic) { found = append(found, d) }
	for _, r := range selected {
		if r.Check == nil {
			continue
		}
		dialects := target.dialectsFor(r)
		once := report
		// a place an earlier dialect reported on is reported once, in its words
		// (a rule's own two findings in one place both are)
		var earlier, now map[[2]int]bool
		if len(dialects) > 1 {
			earlier, now = map[[2]int]bool{}, map[[2]int]bool{}
			once = func(d Diagnostic) {
				key := [2]int{d.Span.Start, d.Span.End}
				if !earlier[key] {
					now[key] = true
					report(d)
				}
			}
		}
		for _, dialect := range dialects {
			if shared[dialect] == nil {
				shared[dialect] = &steps{run: memo, reads: shared[target.Dialect].reads}
			}
			found = found[:0]
			pass = passFor(r, rev, g, before, target, dialect, collect, shared[dialect])
			r.Check(&pass)
			for _, d := range withoutIterationFixes(rev.Migration, found) {
				once(d)
			}
			maps.Copy(earlier, now)
		}
	}
}

// withoutIterationFixes drops the fixes that edit the call the iterations
// of a literal loop share, unless every iteration has one and all make the
// same edits: one edit of the source serves every iteration (neutron-fwaas's
// foreign keys, created in a loop over three tables, were each offered the
// name of their own table, for the one call).
func withoutIterationFixes(m *migration.Migration, found []Diagnostic) []Diagnostic {
	if !slices.ContainsFunc(found, func(d Diagnostic) bool { return d.Fix != nil }) {
		return found
	}
	iterations := map[migration.Span]int{} // a loop's shared call: how many iterations it has
	for _, f := range []*migration.Function{m.Upgrade, m.Downgrade} {
		if f == nil {
			continue
		}
		for _, o := range f.Ops {
			if o.Loop != nil {
				iterations[o.Call.Span]++
			}
		}
	}
	if len(iterations) == 0 {
		return found
	}
	callOf := func(fix *SuggestedFix) (migration.Span, bool) {
		for call := range iterations {
			for _, e := range fix.Edits {
				if e.Start < call.End && e.End > call.Start {
					return call, true
				}
			}
		}
		return migration.Span{}, false
	}
	calls := make([]migration.Span, len(found)) // the shared call each fix edits, if any
	edits := map[migration.Span][]string{}      // per shared call: the edits of each fix
	for i, d := range found {
		if d.Fix == nil {
			continue
		}
		if call, ok := callOf(d.Fix); ok {
			calls[i] = call
			edits[call] = append(edits[call], fmt.Sprint(d.Fix.Edits))
		}
	}
	for i, call := range calls {
		same := edits[call]
		if same != nil && (len(same) != iterations[call] || slices.ContainsFunc(same, func(e string) bool { return e != same[0] })) {
			found[i].Fix = nil
		}
	}
	return found
}

// pipeline runs the rules' passes over revisions on every core while the
// replay goes on, and reports their findings in the order the passes were
// queued (the order a single core would find them in). A pass reads the
// states of its revision, which the replay never changes once handed out
// (see history.Graph.ReplayUpgraded), and what the passes share (runMemo,
// the models) under locks or not at all.
type pipeline struct {
	report  func(Diagnostic)
	jobs    chan *revisionCheck
	workers sync.WaitGroup
	queued  []*revisionCheck // not yet reported, in order
	failed  bool             // a pass panicked: the panic went on in the caller's goroutine
}

// revisionCheck is the rules' passes over one revision, queued.
type revisionCheck struct {
	run func(report func(Diagnostic))
	// after, when set, is called in the caller's goroutine once the passes
	// ended (a stream then lets go of the models they read)
	after func()
	found []Diagnostic
	done  chan struct{}
	// panicked is what a pass panicked with, and where: the panic goes on in
	// the goroutine that reports, which the MCP server and the hook recover
	// in (a panic in a worker would end the process)
	panicked any
}

func newPipeline(report func(Diagnostic)) *pipeline {
	p := &pipeline{report: report}
	if n := runtime.GOMAXPROCS(0); n > 1 {
		jobs := make(chan *revisionCheck, 4*n)
		p.jobs = jobs
		for range n {
			p.workers.Go(func() {
				for j := range jobs {
					j.runRecovered()
				}
			})
		}
	}
	return p
}

func (j *revisionCheck) runRecovered() {
	defer func() {
		if v := recover(); v != nil {
			j.panicked = fmt.Sprintf("%v\n\n(in a rules worker)\n%s", v, debug.Stack())
		}
		close(j.done)
	}()
	j.run(func(d Diagnostic) { j.found = append(j.found, d) })
}

// add queues one revision's passes (on one core: runs them), and reports
// the findings of the passes done at the head of the queue; after (when not
// nil) is called once they ended.
func (p *pipeline) add(ctx context.Context, after func(), run func(report func(Diagnostic))) {
	if p.jobs == nil {
		run(p.report)
		if after != nil {
			after()
		}
		return
	}
	j := &revisionCheck{run: run, after: after, done: make(chan struct{})}
	p.queued = append(p.queued, j)
	select {
	case p.jobs <- j:
	case <-ctx.Done():
		close(j.done) // never run: the caller sees ctx's error
	}
	p.flush(false)
}

// flush reports the findings of the passes at the head of the queue that
// are done (wait: of all of them, waiting for each).
func (p *pipeline) flush(wait bool) {
	for len(p.queued) > 0 {
		j := p.queued[0]
		if !wait {
			select {
			case <-j.done:
			default:
				return
			}
		}
		<-j.done
		p.queued = p.queued[1:]
		if p.failed {
			continue // finish after a panic: only waits
		}
		if j.panicked != nil {
			p.failed = true
			panic(j.panicked)
		}
		for _, d := range j.found {
			p.report(d)
		}
		if j.after != nil {
			j.after()
		}
	}
}

// finish waits for every pass queued and reports the rest (once).
func (p *pipeline) finish() {
	if p.jobs == nil {
		return
	}
	close(p.jobs)
	p.jobs = nil
	p.workers.Wait()
	p.flush(true)
}

// annotateStops tells the findings that come after a statement their
// function certainly stops at (an error of a StopsFunction rule, on an
// operation that runs every time, on the main dialect) that they are reached
// only once that is fixed: judges found helps saying "the next upgrade
// fails" of lines the downgrade never reaches. found is changed in place,
// and no longer says which findings were made for another dialect (results
// are compared and stored as their exported fields).
func annotateStops(m *migration.Migration, found []Diagnostic) []Diagnostic {
	defer func() {
		for i, d := range found {
			found[i] = d.told()
		}
	}()
	if len(found) < 2 {
		return found
	}
	for _, f := range []*migration.Function{m.Upgrade, m.Downgrade} {
		if f == nil {
			continue
		}
		inBody := func(span migration.Span) bool { return span.Start >= f.Body.Start && span.End <= f.Body.End }
		stop := -1
		for i, d := range found {
			if d.Severity != Error || d.elsewhere || d.runs || !inBody(d.Span) || !stopsFunction(d.Rule) ||
				stop >= 0 && found[stop].Span.Start <= d.Span.Start {
				continue
			}
			if at := slices.IndexFunc(f.Ops, func(o *migration.Op) bool { return o.Call != nil && o.Call.Span == d.Span }); at >= 0 &&
				f.Ops[at].Certain() && f.Ops[at].Loop == nil {
				stop = i
			}
		}
		if stop < 0 {
			continue
		}
		s := found[stop]
		for i, d := range found {
			if inBody(d.Span) && d.Span.Start >= s.Span.End && d.Severity != Info { // an info claims no failure
				found[i].Help = fmt.Sprintf("%s (%s() stops earlier on every database, at line %d (%s): this line is not reached before that is fixed.)",
					d.Help, f.Name, s.Span.StartLine, s.Rule)
			}
		}
	}
	return found
}

// told is d as it is reported: without what only annotateStops reads.
func (d Diagnostic) told() Diagnostic {
	d.elsewhere, d.runs = false, false
	return d
}

// stopsFunction reports whether the rule's errors stop their function (Rule.StopsFunction).
func stopsFunction(id string) bool {
	r, ok := Get(id)
	return ok && r.StopsFunction
}
