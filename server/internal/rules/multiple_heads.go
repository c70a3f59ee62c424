package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:       "multiple-heads",
	Profile:  Default,
	Severity: Error,
	Fix:      FixNever,
	Summary:  "The history has more than one head",
	Doc: Doc{
		FailsWhen: "On every database: `alembic upgrade head` refuses to choose among several heads.",
		What: "Finds script directories with several heads that branch labels do not explain (Alembic's multiple-bases " +
			"setup, where each head sits on its own labelled branch, is fine). Typically two pull requests each added a " +
			"revision on top of the same parent. The finding is shown on the extra heads: the heads off the longest line " +
			"of the history (all of them when no line is longer).",
		Why: "`alembic upgrade head` fails with `Multiple head revisions are present for given argument 'head'; please " +
			"specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all " +
			"heads`, and `alembic revision` refuses to create the next revision.",
		Example: `# 0003_add_orders.py
revision = "0003"
down_revision = "0002"

# 0003_add_invoices.py (from another branch)
revision = "c0ffee000003"
down_revision = "0002"`,
		UseInstead: `# 0004_merge_heads.py, written by: alembic merge heads -m "merge heads"
revision = "0004"
down_revision = ("0003", "c0ffee000003")`,
		KnownProblems: "Each script directory is judged on its own. A history whose down_revision names a revision missing " +
			"from the directory is reported by missing-down-revision: Alembic fails on it with a KeyError first, and the " +
			"missing revision may be the child of a head that sits on no missing revision: such a head is not counted.",
		FixSafety: "No automatic fix: run `alembic merge heads`, or, when the newer revision is not deployed anywhere yet, " +
			"point its down_revision at the other head.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/branches.html#merging-branches"},
	},
	CheckGraph: checkMultipleHeads,
})

func checkMultipleHeads(p *GraphPass) {
	g := p.Graph
	if len(g.Heads)-joinable(g) < 2 || headsOnOwnBranches(g) {
		return
	}
	depth := map[string]int{} // revisions on the longest path from a base
	for _, r := range g.Order {
		depth[r.ID] = 1
		for _, p := range r.Parents {
			depth[r.ID] = max(depth[r.ID], depth[p]+1)
		}
	}
	main, tie := "", false
	for _, h := range g.Heads {
		switch {
		case main == "" || depth[h] > depth[main]:
			main, tie = h, false
		case depth[h] == depth[main]:
			tie = true
		}
	}
	heads := brief.List(g.Heads, brief.Names)
	for _, h := range g.Heads {
		if h == main && !tie {
			continue
		}
		m := g.Revisions[h].Migration
		rebase := "if it is not deployed anywhere yet, point the down_revision of its branch at the other head instead"
		if !tie {
			rebase = fmt.Sprintf("if it is not deployed anywhere yet, rebase its branch onto %q instead", main)
		}
		p.Report(m, m.Revision.Span, Message{Text: fmt.Sprintf("revision %q is one of %d heads that no branch label separates", h, len(g.Heads)),
			Help: fmt.Sprintf("The heads are %s. `alembic upgrade head` fails with \"Multiple head revisions are present for given "+
				"argument 'head'\". Merge them with `alembic merge heads -m \"merge heads\"`, or, %s", heads, rebase)})
	}
}

// joinable counts the heads a revision missing from the directory may be
// the child of: a missing down_revision can make one head no head, if that
// head sits on none of the missing revisions itself (it is where the missing
// one would go), and each missing revision only one.
func joinable(g *history.Graph) int {
	missing, aboveMissing := map[string]bool{}, map[string]bool{}
	for _, d := range g.Dangling {
		if !d.DependsOn {
			missing[d.Target] = true
			aboveMissing[d.Revision.ID] = true
		}
	}
	free := 0 // heads with no missing revision below them
	for _, h := range g.Heads {
		below := map[string]bool{h: true}
		g.Below(g.Revisions[h], below)
		sits := false
		for id := range below {
			sits = sits || aboveMissing[id]
		}
		if !sits {
			free++
		}
	}
	return min(len(missing), free)
}

// headsOnOwnBranches: every head sits on a branch with its own label, as in
// Alembic's documented multiple-bases setup.
func headsOnOwnBranches(g *history.Graph) bool {
	seen := map[string]bool{}
	for _, h := range g.Heads {
		label := branchOf(g, h)
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
func branchOf(g *history.Graph, id string) string {
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
