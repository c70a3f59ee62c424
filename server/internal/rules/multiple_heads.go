package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
)

var _ = register(&Rule{
	ID:       "multiple-heads",
	Profile:  Default,
	Severity: Error,
	Summary:  "The history has more than one head",
	Doc: Doc{
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
		UseInstead: `# merge revision written by: alembic merge heads -m "merge heads"
revision = "0004"
down_revision = ("0003", "c0ffee000003")`,
		KnownProblems: "Each script directory is judged on its own.",
		FixSafety: "No automatic fix: run `alembic merge heads`, or, when the newer revision is not deployed anywhere yet, " +
			"point its down_revision at the other head.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/branches.html#merging-branches"},
	},
	CheckGraph: checkMultipleHeads,
})

func checkMultipleHeads(g *history.Graph, report func(Diagnostic)) {
	found := false
	for _, pr := range g.Problems {
		found = found || pr.Rule == "multiple-heads"
	}
	if !found {
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
		r := g.Revisions[h]
		rebase := "if it is not deployed anywhere yet, point the down_revision of its branch at the other head instead"
		if !tie {
			rebase = fmt.Sprintf("if it is not deployed anywhere yet, rebase its branch onto %q instead", main)
		}
		report(Diagnostic{Rule: "multiple-heads", Severity: Error, Path: r.Path, Revision: h, Span: r.Migration.Revision.Span,
			Message: fmt.Sprintf("revision %q is one of %d heads (%s) that no branch label separates: `alembic upgrade head` "+
				"fails with \"Multiple head revisions are present for given argument 'head'\". Merge them with "+
				"`alembic merge heads -m \"merge heads\"`, or, %s", h, len(g.Heads), heads, rebase)})
	}
}
