package rules

import (
	"fmt"
	"regexp"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

var _ = register(&Rule{
	ID:           "enum-value-added-twice",
	Profile:      Default,
	PostgresOnly: true,
	Severity:     Error,
	Fix:          FixAlways,
	Summary:      "Two branches add the same enum value and meet: the second ADD VALUE fails",
	Doc: Doc{
		FailsWhen: "On every database that runs both branches: every fresh database after the merge.",
		What: "Finds `ALTER TYPE ... ADD VALUE 'x'` without `IF NOT EXISTS` in a revision when a revision on another branch " +
			"adds the same value to the same type and the two branches meet in a merge revision (or a `depends_on`).",
		Why: "Two developers each add `refunded` to `order_status` on their own branch; each branch migrates fine alone. " +
			"After `alembic merge`, every fresh database (CI, a new developer, a new tenant) runs both revisions, and the " +
			"second fails with `enum label \"refunded\" already exists`. Databases that had run one branch before the merge " +
			"fail the same way when they run the other.",
		Example: `# 0001_orders.py
def upgrade():
    op.execute("CREATE TYPE order_status AS ENUM ('new', 'paid')")


# 0002_refunds.py
revision = "0002"
down_revision = "0001"

def upgrade():
    op.execute("ALTER TYPE order_status ADD VALUE 'refunded'")


# 0003_returns.py (another branch)
revision = "0003"
down_revision = "0001"

def upgrade():
    op.execute("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded'")


# 0004_merge.py
revision = "0004"
down_revision = ("0002", "0003")`,
		UseInstead: `# 0002_refunds.py
revision = "0002"
down_revision = "0001"

def upgrade():
    op.execute("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded'")`,
		KnownProblems: "Only values added by SQL the tool can read (a literal statement) are compared, and only by operations " +
			"that always run. Branches that never meet (separate heads) are left to multiple-heads.",
		FixSafety: "Safe: `IF NOT EXISTS` is written into the statement's string literal, when it is one literal holding one " +
			"ADD VALUE. The value then exists once whichever branch runs first; only its position among the type's values " +
			"(BEFORE/AFTER) follows the branch that ran first.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertype.html",
			"https://alembic.sqlalchemy.org/en/latest/branches.html#merging-branches"},
	},
	CheckGraph: checkEnumValueAddedTwice,
	// the graph check reads every upgrade: a check that reads headers loads
	// the models of those that add a value
	Mark: func(m *migration.Migration) bool {
		adds := false
		upgradeValueAdds(m, func(*migration.Op, migration.Statement) { adds = true })
		return adds
	},
	LoadsMarked: true,
})

// upgradeValueAdds calls add with each ALTER TYPE ... ADD VALUE that m's
// upgrade certainly runs on PostgreSQL.
func upgradeValueAdds(m *migration.Migration, add func(*migration.Op, migration.Statement)) {
	if m.Upgrade == nil {
		return
	}
	for _, o := range m.Upgrade.Ops {
		if o.Certain() && o.RunsOn("postgresql") {
			for _, st := range enumValueAdds(o) {
				add(o, st)
			}
		}
	}
}

// valueAdd is one ALTER TYPE ... ADD VALUE of a revision's upgrade.
type valueAdd struct {
	rev     *history.Revision
	op      *migration.Op
	guarded bool // IF NOT EXISTS
}

func checkEnumValueAddedTwice(p *GraphPass) {
	g := p.Graph
	adds := map[string][]valueAdd{} // type \x00 value -> the revisions adding it, in graph order
	for _, r := range g.Order {
		upgradeValueAdds(r.Migration, func(o *migration.Op, st migration.Statement) {
			key := st.Object + "\x00" + st.Value
			adds[key] = append(adds[key], valueAdd{r, o, st.IfNotExists})
		})
	}
	reach := &reachability{g: g, down: map[string]map[string]bool{}}
	for _, key := range sortedKeys(adds) {
		list := adds[key]
		for i, a := range list {
			if a.guarded {
				continue
			}
			for j, b := range list {
				if i == j || a.rev == b.rev || reach.below(a.rev, b.rev) || reach.below(b.rev, a.rev) {
					continue
				}
				merge := reach.meet(a.rev, b.rev)
				if merge == nil {
					continue
				}
				st := enumValueAdds(a.op)[0]
				for _, s := range enumValueAdds(a.op) {
					if s.Object+"\x00"+s.Value == key {
						st = s
					}
				}
				text := fmt.Sprintf("ALTER TYPE %s ADD VALUE '%s' is also run by revision %s, on a branch that meets this one in %s",
					st.Object, st.Value, b.rev.ID, merge.ID)
				help := fmt.Sprintf("Upgrading a fresh database runs both, and the second fails with: enum label %q already exists. "+
					"Write ADD VALUE IF NOT EXISTS", st.Value)
				if !b.guarded {
					help += fmt.Sprintf(" (in %s too)", b.rev.ID)
				}
				p.report(Diagnostic{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: a.rev.Path, Revision: a.rev.ID,
					Span: a.op.Call.Span, Message: text, Help: help + ".", Fix: ifNotExistsFix(a.op)})
				break
			}
		}
	}
}

// reachability answers "is this revision below that one" and "where do two
// branches meet" over the revision graph, following parents and depends_on.
type reachability struct {
	g    *history.Graph
	down map[string]map[string]bool // revision -> every revision that comes after it
}

func (r *reachability) after(rev *history.Revision) map[string]bool {
	if set := r.down[rev.ID]; set != nil {
		return set
	}
	set := map[string]bool{}
	todo := []string{rev.ID}
	for len(todo) > 0 {
		cur := r.g.Revisions[todo[len(todo)-1]]
		todo = todo[:len(todo)-1]
		for _, next := range append(append([]string(nil), cur.Children...), cur.Dependents...) {
			if !set[next] {
				set[next] = true
				todo = append(todo, next)
			}
		}
	}
	r.down[rev.ID] = set
	return set
}

// below reports whether a comes before b (b follows a).
func (r *reachability) below(a, b *history.Revision) bool { return r.after(a)[b.ID] }

// meet is the first revision, in graph order, that follows both, or nil.
func (r *reachability) meet(a, b *history.Revision) *history.Revision {
	x, y := r.after(a), r.after(b)
	for _, rev := range r.g.Order {
		if x[rev.ID] && y[rev.ID] {
			return rev
		}
	}
	return nil
}

// addValueText finds ADD VALUE before the value's quote in a string literal's source.
var addValueText = regexp.MustCompile(`(?i)\bADD\s+VALUE\s+'`)

// ifNotExistsFix writes IF NOT EXISTS into the one string literal of the
// operation that holds its one ADD VALUE.
func ifNotExistsFix(o *migration.Op) *SuggestedFix {
	if len(enumValueAdds(o)) != 1 || o.Call == nil {
		return nil
	}
	var edits []TextEdit
	o.Call.Walk(func(e *pysyntax.Expr) bool {
		if e.Kind == pysyntax.String {
			for _, loc := range addValueText.FindAllStringIndex(e.Text, -1) {
				at := e.Span.Start + loc[1] - 1
				edits = append(edits, TextEdit{Start: at, End: at, NewText: "IF NOT EXISTS "})
			}
		}
		return true
	})
	if len(edits) != 1 {
		return nil
	}
	return &SuggestedFix{Message: "Write ADD VALUE IF NOT EXISTS", Safety: Safe, Edits: edits}
}
