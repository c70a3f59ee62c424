package history

import (
	"container/heap"
	"context"
)

// Replay walks the graph in order and calls visit with the schema before each
// revision's upgrade. The state passed to visit must not be changed (take a
// Layer to simulate on it); the replay never changes it either, so visit may
// hand it to another goroutine: each revision starts from a copy (a Clone
// copies one struct: the tables are persistent maps).
//
// At a merge (or a depends_on link) the schema is what the database holds
// once every branch ran: the state after the first parent, with the upgrades
// of the revisions only the other branches hold (branchRevisions) applied
// after it, in graph order, as `alembic upgrade` would run them. A table
// dropped on either branch is therefore gone after the merge, whatever the
// other branch did to it (its later operations on a missing table change
// nothing: the drop wins, as in the database once both branches ran);
// columns added, altered or dropped and enum values added on both branches
// all show. Two branches that create the same table or type fail on a real
// database; here the other branch's table replaces the first's and the first
// branch's enum type is kept. It stops early once ctx is done (the caller
// checks ctx).
func (g *Graph) Replay(ctx context.Context, visit func(r *Revision, before *State)) {
	g.ReplayUpgraded(ctx, func(r *Revision, before *State) *State {
		visit(r, before)
		return nil
	}, nil)
}

// ReplayUpgraded is Replay for a visit that may apply the revision's upgrade
// itself: it returns the state after the upgrade (each operation of
// r.Migration.Upgrade applied in order with State.Apply, on layers over
// before), or nil. The replay goes on from a copy of that state instead of
// applying the upgrade a second time, and never changes it. kept, when not
// nil, sees the state after each revision's upgrade, before the replay goes
// on from it: a caller keeps what it needs with Clone.
func (g *Graph) ReplayUpgraded(ctx context.Context, visit func(r *Revision, before *State) (after *State), kept func(r *Revision, after *State)) {
	after := map[string]*State{}
	remaining := map[string]int{} // children not yet visited, per revision
	position := g.positions()
	for _, r := range g.Order {
		remaining[r.ID] = len(r.Children) + len(r.Dependents)
	}
	for _, r := range g.Order {
		if ctx.Err() != nil {
			return
		}
		inputs := r.Inputs()
		state := g.before(r, func(id string) *State { return after[id] }, position)
		for _, p := range inputs {
			if remaining[p]--; remaining[p] == 0 {
				delete(after, p)
			}
		}
		if upgraded := visit(r, state); upgraded != nil && !r.Migration.TooLarge {
			state = upgraded
		} else {
			state = state.Upgraded(r)
		}
		if kept != nil {
			kept(r, state)
		}
		if remaining[r.ID] > 0 {
			after[r.ID] = state
		}
	}
}

// StateBefore is the schema before r's upgrade, from the states after its
// inputs (its parents and dependencies), which after returns by revision id;
// they are left as they were. At a merge the upgrades of the revisions only
// the other branches hold are applied (see Replay): their models must be
// whole.
func (g *Graph) StateBefore(r *Revision, after func(id string) *State) *State {
	return g.before(r, after, nil)
}

// before is StateBefore. position numbers g.Order (nil: computed when
// needed).
func (g *Graph) before(r *Revision, after func(id string) *State, position map[string]int) *State {
	inputs := r.Inputs()
	var state *State
	switch {
	case len(inputs) == 0:
		state = NewState().WithNames(g.Naming).For(g.Dialects)
	case len(inputs) == 1:
		state = after(inputs[0]).Clone()
	default:
		if position == nil {
			position = g.positions()
		}
		state = after(inputs[0]).Clone()
		for _, b := range g.branchRevisions(inputs[0], inputs[1:], position) {
			state.upgrade(b)
		}
	}
	for _, p := range inputs {
		if input := after(p); input.Unknown {
			state.goBlind(input.blind)
		}
	}
	if len(r.Parents) == 0 {
		// a down_revision that names revisions missing from the directory (or is
		// computed) hides what the schema held before: rules must not assume it empty
		switch {
		case !r.Migration.DownRevision.Known():
			state.goBlind(&Blind{Path: r.Path, Why: "a down_revision the tool cannot read"})
		case len(r.Migration.DownRevision.Values) > 0:
			state.goBlind(&Blind{Path: r.Path, Why: "a down_revision naming revisions the directory does not hold"})
		}
	}
	return state
}

// Inputs are the revisions whose upgrades run right before r's: its
// parents, then its dependencies.
func (r *Revision) Inputs() []string {
	return append(append([]string(nil), r.Parents...), r.Dependencies...)
}

// Below adds to set the revisions below r: its inputs, theirs, and so on.
func (g *Graph) Below(r *Revision, set map[string]bool) {
	queue := []*Revision{r}
	for len(queue) > 0 {
		next := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, links := range [2][]string{next.Parents, next.Dependencies} {
			for _, id := range links {
				if below := g.Revisions[id]; below != nil && !set[id] {
					set[id] = true
					queue = append(queue, below)
				}
			}
		}
	}
}

// positions numbers the revisions in graph order.
func (g *Graph) positions() map[string]int {
	position := make(map[string]int, len(g.Order))
	for i, r := range g.Order {
		position[r.ID] = i
	}
	return position
}

// upgrade applies a revision's upgrade.
// Upgraded is a copy of s after r's upgrade (s is left as it is).
func (s *State) Upgraded(r *Revision) *State {
	c := s.Clone()
	c.upgrade(r)
	return c
}

func (s *State) upgrade(r *Revision) {
	if up := r.Migration.Upgrade; up != nil {
		for _, o := range up.Ops {
			s.Apply(r.Migration, o, r.ID)
		}
	}
	if r.Migration.TooLarge { // operations were left unread
		s.goBlind(&Blind{Path: r.Path, Why: "a file too large to read whole"})
	}
}

// Reapplied are, by merge (a revision with several inputs), the revisions
// whose upgrades StateBefore applies again to the state after its first
// input: those only its other inputs hold (branchRevisions). A replay that
// lets go of models must keep these whole until it has passed the merge.
func (g *Graph) Reapplied() map[*Revision][]*Revision {
	out := map[*Revision][]*Revision{}
	var position map[string]int
	for _, r := range g.Order {
		if inputs := r.Inputs(); len(inputs) > 1 {
			if position == nil {
				position = g.positions()
			}
			out[r] = g.branchRevisions(inputs[0], inputs[1:], position)
		}
	}
	return out
}

// branchRevisions lists, in graph order, the revisions that the schema after
// others holds and the schema after base does not: others and their
// ancestors (through parents and dependencies) that are neither base nor one
// of its ancestors. It walks down from the tops, latest first,
// marking what each revision is reached from, and stops at the fork point:
// once every revision left to walk is reached from base, everything below is
// shared. Its cost is the length of the branches, not of the history.
func (g *Graph) branchRevisions(base string, others []string, position map[string]int) []*Revision {
	const fromBase, fromOthers = 1, 2
	reached := map[string]uint8{}
	queue := &revisionQueue{position: position}
	onlyOthers := 0 // queued revisions reached from others only
	mark := func(id string, from uint8) {
		was := reached[id]
		now := was | from
		if now == was {
			return
		}
		if was == 0 {
			heap.Push(queue, id)
		}
		reached[id] = now
		if was == fromOthers {
			onlyOthers--
		}
		if now == fromOthers {
			onlyOthers++
		}
	}
	mark(base, fromBase)
	for _, o := range others {
		mark(o, fromOthers)
	}
	var out []*Revision
	for onlyOthers > 0 {
		// A revision comes out after every queued revision above it: all that
		// reach it were walked, so what it is reached from is final.
		r := g.Revisions[heap.Pop(queue).(string)]
		from := reached[r.ID]
		if from == fromOthers {
			onlyOthers--
			out = append(out, r)
		}
		for _, p := range r.Parents {
			mark(p, from)
		}
		for _, d := range r.Dependencies {
			mark(d, from)
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// revisionQueue is a heap of revision ids, latest in graph order first.
type revisionQueue struct {
	ids      []string
	position map[string]int
}

func (q *revisionQueue) Len() int           { return len(q.ids) }
func (q *revisionQueue) Less(i, j int) bool { return q.position[q.ids[i]] > q.position[q.ids[j]] }
func (q *revisionQueue) Swap(i, j int)      { q.ids[i], q.ids[j] = q.ids[j], q.ids[i] }
func (q *revisionQueue) Push(x any)         { q.ids = append(q.ids, x.(string)) }
func (q *revisionQueue) Pop() any {
	last := q.ids[len(q.ids)-1]
	q.ids = q.ids[:len(q.ids)-1]
	return last
}
