package history

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
)

// Resolve turns a revision spec into revisions: "head", "heads", "base", a full
// id or unique prefix, "label@head", a branch label, "head-N" / "-N" (N steps down
// from the head along first parents).
func (g *Graph) Resolve(spec string) ([]*Revision, error) {
	spec = strings.TrimSpace(spec)
	switch spec {
	case "", "head":
		if len(g.Heads) == 0 {
			return nil, fmt.Errorf("%s has no revisions", g.Dir)
		}
		if len(g.Heads) > 1 {
			return nil, fmt.Errorf("%s has %d heads (%s); name one, or use \"heads\"", g.Dir, len(g.Heads), brief.List(g.Heads, brief.Names))
		}
		return g.revs(g.Heads), nil
	case "heads":
		return g.revs(g.Heads), nil
	case "base":
		return g.revs(g.Bases), nil
	}
	if label, ok := strings.CutSuffix(spec, "@head"); ok {
		id := g.labelTarget(label)
		if id == "" {
			return nil, fmt.Errorf("no branch labelled %q in %s", label, g.Dir)
		}
		head := g.headAbove(id)
		if head == "" {
			return nil, fmt.Errorf("branch %q of %s has no head: its revisions form a cycle", label, g.Dir)
		}
		return g.revs([]string{head}), nil
	}
	if rest, ok := relative(spec); ok {
		heads, err := g.Resolve("head")
		if err != nil {
			return nil, err
		}
		r := heads[0]
		for i := 0; i < rest; i++ {
			if len(r.Parents) == 0 {
				return nil, fmt.Errorf("%q goes below the base of %s", spec, g.Dir)
			}
			r = g.Revisions[r.Parents[0]]
		}
		return []*Revision{r}, nil
	}
	if r, ok := g.Revisions[spec]; ok {
		return []*Revision{r}, nil
	}
	if id := g.labelTarget(spec); id != "" {
		return g.revs([]string{id}), nil
	}
	var matches []string
	for id := range g.Revisions {
		if strings.HasPrefix(id, spec) {
			matches = append(matches, id)
		}
	}
	sort.Strings(matches)
	switch len(matches) {
	case 0:
		return nil, fmt.Errorf("no revision %q in %s", spec, g.Dir)
	case 1:
		return g.revs(matches), nil
	}
	return nil, fmt.Errorf("revision prefix %q is ambiguous in %s: %s", spec, g.Dir, brief.List(matches, brief.Names))
}

func relative(spec string) (int, bool) {
	s, ok := strings.CutPrefix(spec, "head")
	if !ok && !strings.HasPrefix(spec, "-") {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(s, "-"))
	if err != nil || n < 0 || !strings.HasPrefix(s, "-") {
		return 0, false
	}
	return n, true
}

// headAbove follows children from id until a head (first child each time);
// "" when the walk runs into a cycle.
func (g *Graph) headAbove(id string) string {
	seen := map[string]bool{}
	for r := g.Revisions[id]; !seen[r.ID]; {
		seen[r.ID] = true
		if len(r.Children) == 0 {
			return r.ID
		}
		children := append([]string(nil), r.Children...)
		sort.Strings(children)
		r = g.Revisions[children[0]]
	}
	return ""
}

func (g *Graph) revs(ids []string) []*Revision {
	out := make([]*Revision, 0, len(ids))
	for _, id := range ids {
		out = append(out, g.Revisions[id])
	}
	return out
}

// Descendants returns the revisions above id (not including it); none for an unknown id.
func (g *Graph) Descendants(id string) map[string]bool {
	out := map[string]bool{}
	if g.Revisions[id] == nil {
		return out
	}
	queue := append([]string(nil), g.Revisions[id].Children...)
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if out[c] {
			continue
		}
		out[c] = true
		queue = append(queue, g.Revisions[c].Children...)
	}
	return out
}

// Ancestors returns the revisions below id (not including it); none for an unknown id.
func (g *Graph) Ancestors(id string) map[string]bool {
	out := map[string]bool{}
	if g.Revisions[id] == nil {
		return out
	}
	queue := append([]string(nil), g.Revisions[id].Parents...)
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if out[p] {
			continue
		}
		out[p] = true
		queue = append(queue, g.Revisions[p].Parents...)
	}
	return out
}
