package rules

import (
	"context"
	"maps"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
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
	DialectCertain  bool
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
	RunScoped(ctx, g, selected, target, Scope{Include: include}, report)
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
func RunScoped(ctx context.Context, g *history.Graph, selected []*Rule, target Target, scope Scope, report func(Diagnostic)) {
	RunGraph(g, slices.DeleteFunc(slices.Clone(selected), func(r *Rule) bool { return len(target.dialectsFor(r)) == 0 }), report)
	memo := newRunMemo()
	included := func(rev *history.Revision) bool { return scope.Include == nil || scope.Include(rev) }
	if scope.Start != nil {
		for id, s := range scope.Start {
			memo.notNull[id] = s.NotNull
		}
		after := func(id string) *history.State { return scope.Start[id].State }
		for _, rev := range g.Order {
			if ctx.Err() != nil {
				return
			}
			if included(rev) {
				checkRevision(g, selected, target, memo, rev, g.StateBefore(rev, after), report)
			}
		}
		return
	}
	var kept func(*history.Revision, *history.State)
	if scope.Keep != nil {
		kept = func(rev *history.Revision, after *history.State) {
			if scope.Keep(rev) {
				scope.Kept(rev, &Snapshot{State: after.Clone(), NotNull: memo.notNullProofs(g, rev)})
			}
		}
	}
	g.ReplayUpgraded(ctx, func(rev *history.Revision, before *history.State) *history.State {
		if !included(rev) {
			return nil
		}
		return checkRevision(g, selected, target, memo, rev, before, report)
	}, kept)
}

// checkRevision applies the rules to one revision, from the schema before
// it, and returns the state after its upgrade when the rules replayed all
// of it (no operation left out for a dialect), or nil.
func checkRevision(g *history.Graph, selected []*Rule, target Target, memo *runMemo, rev *history.Revision, before *history.State, report func(Diagnostic)) *history.State {
	if len(rev.Migration.SyntaxErrors) > 0 || rev.Migration.TooLarge {
		return nil // a partial model would invent findings; the file error or note is reported instead
	}
	shared := map[string]*steps{} // one replay of the revision per dialect
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
				shared[dialect] = &steps{run: memo}
			}
			r.Check(NewPass(r, rev, g, before, target, dialect, once, shared[dialect]))
			maps.Copy(earlier, now)
		}
	}
	// the replay goes on from the rules' state after the whole upgrade,
	// when they replayed all of it (no operation left out for the dialect)
	for _, s := range shared {
		if s.upDone && s.migration == rev.Migration {
			return s.after
		}
	}
	return nil
}
