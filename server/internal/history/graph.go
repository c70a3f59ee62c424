// Package history builds the revision graph of a script directory and replays the
// schema along it, so rules know what exists before each revision.
package history

import (
	"slices"
	"sort"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
)

// Revision is one revision file in the graph.
type Revision struct {
	ID        string
	Path      string
	Migration *migration.Migration
	Parents   []string // down_revision
	DependsOn []string
	// Dependencies are the depends_on targets that exist, as revision ids:
	// Alembic applies them first, so the order and the replayed schema honour them.
	Dependencies []string
	Dependents   []string
	BranchLabels []string
	Children     []string
}

// Skipped is a file that cannot take part in the graph at all.
type Skipped struct {
	Path   string
	Reason string
}

// Duplicate is a file whose revision id an earlier file (by path) already
// declares: like Alembic, the graph keeps only the first.
type Duplicate struct {
	Migration *migration.Migration
	Of        *Revision
}

// Dangling is a down_revision or depends_on value that names no revision of
// the script directory (nor, for depends_on, a branch label).
type Dangling struct {
	Revision  *Revision
	DependsOn bool // the value is from depends_on, not down_revision
	Target    string
}

// Graph is the revision graph of one script directory.
type Graph struct {
	Dir string
	// SharedThrough is the entry point group through which the package
	// registers this history with an application that merges every
	// installed package's, or through which the application merges them
	// into this one (project.HistoryEntryPoint, HistoryEntryPointReader);
	// "" when none.
	SharedThrough string
	Revisions     map[string]*Revision
	// Order lists the revisions bases first, each after all of its parents
	// (revisions on a cycle are left out).
	Order        []*Revision
	Heads        []string
	Bases        []string
	Merges       []string
	BranchLabels map[string]string // label -> revision
	Skipped      []Skipped
	Duplicates   []Duplicate
	Dangling     []Dangling
	// Cycles are the revisions whose parents lead back to themselves (left
	// out of Order), one cycle per tangle, each in down_revision order.
	Cycles [][]string
	// Naming is how the project names constraints (its naming convention and
	// dialect): the replay names foreign keys with it.
	Naming naming.Namer
	// Dialects are the dialects the history is replayed for (those checked):
	// an operation that a test of the dialect name keeps from all of them is
	// not replayed, and one that such tests let run on all of them is certain
	// (nil: any dialect, every such operation uncertain).
	Dialects []string
	// upgradeChains are computed once (UpgradeChains): the snapshot keys and
	// the reuse of findings both read them.
	upgradeChains func() map[string][]byte
}

// Build assembles the graph from parsed migrations (in a stable order, e.g. by path).
func Build(dir string, migrations []*migration.Migration) *Graph {
	g := &Graph{Dir: dir, Revisions: make(map[string]*Revision, len(migrations)), BranchLabels: map[string]string{}}
	g.upgradeChains = sync.OnceValue(g.chainUpgrades)
	for _, m := range migrations {
		g.add(m)
	}
	ids := g.sortedIDs() // the order every step visits the revisions in
	g.link(ids)
	g.order(ids)
	return g
}

func (g *Graph) add(m *migration.Migration) {
	if m.Revision.Kind != migration.HeaderString {
		msg := "no literal `revision = \"...\"` at module level; Alembic cannot load this file as a revision"
		if m.Revision.Kind == migration.HeaderName || m.Revision.Kind == migration.HeaderOther {
			msg = "the revision id is computed, not a literal string: it cannot be checked statically"
		}
		g.Skipped = append(g.Skipped, Skipped{Path: m.Path, Reason: msg})
		return
	}
	id := m.Revision.Values[0]
	if prev, dup := g.Revisions[id]; dup {
		g.Duplicates = append(g.Duplicates, Duplicate{Migration: m, Of: prev})
		return
	}
	r := &Revision{ID: id, Path: m.Path, Migration: m}
	r.Parents = headerValues(m.DownRevision)
	r.DependsOn = headerValues(m.DependsOn)
	r.BranchLabels = headerValues(m.BranchLabels)
	g.Revisions[id] = r
}

func headerValues(h migration.Header) []string {
	if h.Kind == migration.HeaderString || h.Kind == migration.HeaderTuple {
		return h.Values
	}
	return nil
}

func (g *Graph) sortedIDs() []string {
	ids := make([]string, 0, len(g.Revisions))
	for id := range g.Revisions {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func (g *Graph) link(ids []string) {
	for _, id := range ids {
		r := g.Revisions[id]
		parents := r.Parents[:0:0]
		for _, p := range r.Parents {
			if _, ok := g.Revisions[p]; !ok {
				g.Dangling = append(g.Dangling, Dangling{Revision: r, Target: p})
				continue
			}
			parents = append(parents, p)
			g.Revisions[p].Children = append(g.Revisions[p].Children, id)
		}
		r.Parents = parents
		for _, l := range r.BranchLabels {
			g.BranchLabels[l] = id
		}
		if len(r.Parents) > 1 {
			g.Merges = append(g.Merges, id)
		}
	}
	for _, id := range ids {
		g.linkDependencies(g.Revisions[id])
	}
	for _, id := range ids {
		r := g.Revisions[id]
		if len(r.Children) == 0 {
			g.Heads = append(g.Heads, id)
		}
		if len(r.Parents) == 0 && len(r.Migration.DownRevision.Values) == 0 {
			g.Bases = append(g.Bases, id)
		}
	}
}

// linkDependencies resolves depends_on (revision ids or branch labels).
func (g *Graph) linkDependencies(r *Revision) {
	for _, d := range r.DependsOn {
		target := d
		if _, ok := g.Revisions[d]; !ok {
			target = g.labelTarget(d)
		}
		if target == "" {
			g.Dangling = append(g.Dangling, Dangling{Revision: r, DependsOn: true, Target: d})
			continue
		}
		if target == r.ID || slices.Contains(r.Parents, target) || slices.Contains(r.Dependencies, target) {
			continue
		}
		r.Dependencies = append(r.Dependencies, target)
		g.Revisions[target].Dependents = append(g.Revisions[target].Dependents, r.ID)
	}
}

func (g *Graph) labelTarget(label string) string {
	if id, ok := g.BranchLabels[label]; ok {
		return id
	}
	for _, r := range g.Revisions {
		for _, l := range r.BranchLabels {
			if l == label {
				return r.ID
			}
		}
	}
	return ""
}

// order computes a topological order (Kahn) and finds the cycles.
func (g *Graph) order(ids []string) {
	pending := map[string]int{}
	var ready []string
	for _, id := range ids {
		pending[id] = len(g.Revisions[id].Parents) + len(g.Revisions[id].Dependencies)
		if pending[id] == 0 {
			ready = append(ready, id)
		}
	}
	for len(ready) > 0 {
		id := ready[0]
		ready = ready[1:]
		r := g.Revisions[id]
		g.Order = append(g.Order, r)
		next := append(append([]string(nil), r.Children...), r.Dependents...)
		sort.Strings(next)
		for _, c := range next {
			if pending[c]--; pending[c] == 0 {
				ready = append(ready, c)
			}
		}
	}
	if len(g.Order) == len(g.Revisions) {
		return
	}
	g.Cycles = g.cycles(pending, ids)
}

// cycles finds one cycle per strongly tangled group among the unordered revisions.
func (g *Graph) cycles(pending map[string]int, ids []string) [][]string {
	var out [][]string
	done := map[string]bool{}
	for _, id := range ids {
		if pending[id] == 0 || done[id] {
			continue
		}
		// follow parents that are still pending until a revision repeats
		var path []string
		index := map[string]int{}
		for cur := id; ; {
			if i, ok := index[cur]; ok {
				cycle := path[i:]
				for _, c := range cycle {
					done[c] = true
				}
				out = append(out, cycle)
				break
			}
			if done[cur] {
				break
			}
			index[cur] = len(path)
			path = append(path, cur)
			next := ""
			for _, p := range g.Revisions[cur].Parents {
				if pending[p] > 0 {
					next = p
					break
				}
			}
			if next == "" {
				break
			}
			cur = next
		}
		for _, p := range path {
			done[p] = true
		}
	}
	return out
}
