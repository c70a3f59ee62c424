// Package history builds the revision graph of a script directory and replays the
// schema along it, so rules know what exists before each revision.
package history

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
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

// Problem is a defect of the graph itself; Rule is the rule id that reports it,
// or "" for a file that could not take part in the graph at all.
type Problem struct {
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Path     string `json:"path,omitempty"`
	Revision string `json:"revision,omitempty"`
	// Span points at the header variable concerned, when there is one.
	Span migration.Span `json:"-"`
}

// Graph is the revision graph of one script directory.
type Graph struct {
	Dir       string
	Revisions map[string]*Revision
	// Order lists the revisions bases first, each after all of its parents
	// (revisions on a cycle are left out).
	Order        []*Revision
	Heads        []string
	Bases        []string
	Merges       []string
	BranchLabels map[string]string // label -> revision
	Problems     []Problem
	// Naming is how the project names constraints (its naming convention and
	// dialect): the replay names foreign keys with it.
	Naming naming.Namer
}

// Build assembles the graph from parsed migrations (in a stable order, e.g. by path).
func Build(dir string, migrations []*migration.Migration) *Graph {
	g := &Graph{Dir: dir, Revisions: map[string]*Revision{}, BranchLabels: map[string]string{}}
	for _, m := range migrations {
		g.add(m)
	}
	g.link()
	g.order()
	return g
}

func (g *Graph) add(m *migration.Migration) {
	if m.Revision.Kind != migration.HeaderString {
		msg := "no literal `revision = \"...\"` at module level; Alembic cannot load this file as a revision"
		if m.Revision.Kind == migration.HeaderName || m.Revision.Kind == migration.HeaderOther {
			msg = "the revision id is computed, not a literal string: it cannot be checked statically"
		}
		g.Problems = append(g.Problems, Problem{Message: msg, Path: m.Path})
		return
	}
	id := m.Revision.Values[0]
	if prev, dup := g.Revisions[id]; dup {
		g.Problems = append(g.Problems, Problem{Rule: "duplicate-revision", Path: m.Path, Revision: id, Span: m.Revision.Span,
			Message: fmt.Sprintf("revision %q is also declared by %s", id, prev.Path)})
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

func (g *Graph) link() {
	for _, id := range g.sortedIDs() {
		r := g.Revisions[id]
		parents := r.Parents[:0:0]
		for _, p := range r.Parents {
			if _, ok := g.Revisions[p]; !ok {
				g.Problems = append(g.Problems, Problem{Rule: "missing-down-revision", Path: r.Path, Revision: id, Span: r.Migration.DownRevision.Span,
					Message: fmt.Sprintf("down_revision %q of revision %q does not exist%s", p, id, g.suggest(p))})
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
	for _, id := range g.sortedIDs() {
		g.linkDependencies(g.Revisions[id])
	}
	for _, id := range g.sortedIDs() {
		r := g.Revisions[id]
		if len(r.Children) == 0 {
			g.Heads = append(g.Heads, id)
		}
		if len(r.Parents) == 0 && len(r.Migration.DownRevision.Values) == 0 {
			g.Bases = append(g.Bases, id)
		}
	}
	if len(g.Heads) > 1 && !g.headsExplainedByBranches() {
		merge := strings.Join(g.Heads, " ")
		if len(g.Heads) > brief.Names {
			merge = "heads"
		}
		g.Problems = append(g.Problems, Problem{Rule: "multiple-heads",
			Message: fmt.Sprintf("%d heads (%s) without branch labels that separate them; `alembic upgrade head` fails with \"Multiple head revisions are present\". Merge them: alembic merge -m \"merge heads\" %s",
				len(g.Heads), brief.List(g.Heads, brief.Names), merge)})
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
			g.Problems = append(g.Problems, Problem{Rule: "missing-down-revision", Path: r.Path, Revision: r.ID, Span: r.Migration.DependsOn.Span,
				Message: fmt.Sprintf("depends_on %q of revision %q does not exist%s", d, r.ID, g.suggest(d))})
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

// headsExplainedByBranches: every head sits on a branch with its own label, as
// in Alembic's documented multiple-bases setup.
func (g *Graph) headsExplainedByBranches() bool {
	seen := map[string]bool{}
	for _, h := range g.Heads {
		label := g.branchOf(h)
		if label == "" || seen[label] {
			return false
		}
		seen[label] = true
	}
	return true
}

// branchOf finds the nearest branch label at or below a revision. A label
// that is not a literal (`branch_labels = (branches.EXPAND,)`) is still a
// label: it stands for itself, distinct from every other.
func (g *Graph) branchOf(id string) string {
	visited := map[string]bool{}
	for queue := []string{id}; len(queue) > 0; queue = queue[1:] {
		r := g.Revisions[queue[0]]
		if r == nil || visited[r.ID] {
			continue
		}
		visited[r.ID] = true
		if len(r.BranchLabels) > 0 {
			return r.BranchLabels[0]
		}
		if k := r.Migration.BranchLabels.Kind; k == migration.HeaderName || k == migration.HeaderOther {
			return "\x00unreadable label of " + r.ID
		}
		queue = append(queue, r.Parents...)
	}
	return ""
}

func (g *Graph) suggest(id string) string {
	if id == "" {
		return "" // every id has the empty prefix: no suggestion says anything
	}
	var close []string
	for _, other := range g.sortedIDs() {
		if strings.HasPrefix(other, id) || strings.HasPrefix(id, other) {
			close = append(close, other)
		}
	}
	if len(close) == 0 {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", strings.Join(close, ", "))
}

// order computes a topological order (Kahn) and reports cycles.
func (g *Graph) order() {
	pending := map[string]int{}
	var ready []string
	for _, id := range g.sortedIDs() {
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
	for _, cycle := range g.cycles(pending) {
		r := g.Revisions[cycle[0]]
		g.Problems = append(g.Problems, Problem{Rule: "revision-cycle", Path: r.Path, Revision: r.ID, Span: r.Migration.DownRevision.Span,
			Message: "revision cycle: " + cycleText(cycle) + " (each revision's down_revision points back into the cycle)"})
	}
}

// cycles finds one cycle per strongly tangled group among the unordered revisions.
func (g *Graph) cycles(pending map[string]int) [][]string {
	var out [][]string
	done := map[string]bool{}
	for _, id := range g.sortedIDs() {
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

// cycleText is a cycle as "a -> b -> a", its middle cut when it is long.
func cycleText(cycle []string) string {
	if len(cycle) > brief.Names {
		return fmt.Sprintf("%s -> ... (%d more) -> %s -> %s", strings.Join(cycle[:brief.Names-1], " -> "), len(cycle)-brief.Names, cycle[len(cycle)-1], cycle[0])
	}
	return strings.Join(append(cycle, cycle[0]), " -> ")
}
