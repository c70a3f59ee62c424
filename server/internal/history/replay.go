package history

import "context"

// Replay walks the graph in order and calls visit with the schema before each
// revision's upgrade. The state passed to visit must not be kept or changed;
// take a Layer to simulate on it. Along a straight line one state is updated in
// place; it is copied only where the history forks, and merged at merges and
// depends_on links. It stops early once ctx is done (the caller checks ctx).
func (g *Graph) Replay(ctx context.Context, visit func(r *Revision, before *State)) {
	after := map[string]*State{}
	remaining := map[string]int{} // children not yet visited, per revision
	for _, r := range g.Order {
		remaining[r.ID] = len(r.Children) + len(r.Dependents)
	}
	for _, r := range g.Order {
		if ctx.Err() != nil {
			return
		}
		var state *State
		switch len(r.Parents) {
		case 0:
			state = NewState().WithNames(g.Naming)
			// a down_revision that names revisions missing from the directory (or is
			// computed) hides what the schema held before: rules must not assume it empty
			state.Unknown = !r.Migration.DownRevision.Known() || len(r.Migration.DownRevision.Values) > 0
		case 1:
			p := r.Parents[0]
			state = after[p]
			if remaining[p] > 1 {
				state = state.Clone()
			}
		default:
			state = after[r.Parents[0]].Clone()
			for _, p := range r.Parents[1:] {
				state.merge(after[p])
			}
		}
		for _, d := range r.Dependencies {
			state.merge(after[d])
		}
		for _, p := range append(append([]string(nil), r.Parents...), r.Dependencies...) {
			if remaining[p]--; remaining[p] == 0 {
				delete(after, p)
			}
		}
		visit(r, state)
		if up := r.Migration.Upgrade; up != nil {
			for _, o := range up.Ops {
				state.Apply(r.Migration, o, r.ID)
			}
		}
		if remaining[r.ID] > 0 {
			after[r.ID] = state
		}
	}
}

// merge adds what other has and s lacks (a merge revision sees both branches).
func (s *State) merge(other *State) {
	other.each(func(t *Table) {
		if s.Table(t.Name) == nil {
			s.putTable(t)
		}
	}, func(e *EnumType) {
		if s.Enum(e.Name) == nil {
			s.enums[e.Name] = e
		}
	})
	s.Unknown = s.Unknown || other.Unknown
}
