package rules

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
)

// Env is the database the migrations run on.
type Env struct {
	Dialect string
	// DialectCertain is false when the dialect was assumed, or inferred while
	// other evidence points elsewhere and the migrations do not settle it:
	// fixes that write a database's own names are then not safe.
	DialectCertain  bool
	PostgresVersion int
}

// Run applies the given rules to every revision of a graph (replaying the schema
// once) and to the graph itself. include limits which revisions are reported
// (nil = all); the whole history is still replayed for context.
func Run(g *history.Graph, selected []*Rule, env Env, include func(*history.Revision) bool, report func(Diagnostic)) {
	dialect := env.Dialect
	for _, r := range selected {
		if r.CheckGraph != nil && applies(r, dialect) {
			r.CheckGraph(g, report)
		}
	}
	g.Replay(func(rev *history.Revision, before *history.State) {
		if include != nil && !include(rev) {
			return
		}
		if len(rev.Migration.SyntaxErrors) > 0 {
			return // a partial model would invent findings; the file error is reported instead
		}
		shared := &steps{}
		for _, r := range selected {
			if r.Check != nil && applies(r, dialect) {
				r.Check(NewPass(r, rev, g, before, env, report, shared))
			}
		}
	})
}

func applies(r *Rule, dialect string) bool { return !r.PostgresOnly || dialect == "postgresql" }
