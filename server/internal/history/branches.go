package history

import "slices"

// Marks are what `alembic history` says of a revision after its id, in its
// order: "head" (nothing follows it), "effective head" (only depends_on of
// other revisions follows it), "branchpoint" (several revisions follow it) and
// "mergepoint" (it follows several).
func (r *Revision) Marks() []string {
	var marks []string
	switch {
	case len(r.Children) == 0 && len(r.Dependents) == 0:
		marks = append(marks, "head")
	case len(r.Children) == 0:
		marks = append(marks, "effective head")
	}
	if len(r.Children) > 1 {
		marks = append(marks, "branchpoint")
	}
	if len(r.Migration.DownRevision.Values) > 1 {
		marks = append(marks, "mergepoint")
	}
	return marks
}

// Branches returns, by revision id, the branch labels that apply to each
// revision as Alembic applies them (and `alembic history` shows them): a label
// covers the revision that declares it and every revision that follows it;
// when those form a single line, also the revisions below it, down to the
// nearest branch point or merge point (Alembic walks down from the end of the
// branch). Revisions that no label covers are absent.
func (g *Graph) Branches() map[string][]string {
	out := map[string][]string{}
	add := func(r *Revision, labels []string) {
		for _, l := range labels {
			if !slices.Contains(out[r.ID], l) {
				out[r.ID] = append(out[r.ID], l)
			}
		}
	}
	for _, r := range g.Order {
		if len(r.BranchLabels) == 0 {
			continue
		}
		line, end := true, r
		seen := map[string]bool{}
		for todo := []*Revision{r}; len(todo) > 0; {
			cur := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			if seen[cur.ID] {
				continue
			}
			seen[cur.ID] = true
			add(cur, r.BranchLabels)
			line = line && len(cur.Children) <= 1
			end = cur
			for _, c := range cur.Children {
				todo = append(todo, g.Revisions[c])
			}
		}
		for cur := end; line; {
			if len(cur.Children)+len(cur.Dependents) > 1 || len(cur.Migration.DownRevision.Values) > 1 {
				break
			}
			add(cur, r.BranchLabels)
			if len(cur.Parents) != 1 {
				break
			}
			cur = g.Revisions[cur.Parents[0]]
		}
	}
	return out
}
