package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

var _ = register(&Rule{
	ID:           "enum-value-not-reverted",
	Profile:      Default,
	Severity:     Info,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "An enum value added in upgrade() stays after downgrade()",
	Doc: Doc{
		FailsWhen: "Only on a downgrade and a new upgrade without IF NOT EXISTS (enum label already exists); otherwise nothing fails, the value only stays.",
		What: "Finds `ALTER TYPE ... ADD VALUE` in upgrade() when downgrade() does nothing with that type (no SQL naming it, " +
			"no type swap). An `ADD VALUE IF NOT EXISTS` whose downgrade says in a comment that the value stays (naming it or " +
			"the type, or only \"the enum\" when the downgrade does nothing else) is left alone: nothing fails, and the author knows.",
		Why: "PostgreSQL cannot remove a value from an enum type: there is no `ALTER TYPE ... DROP VALUE`. A downgrade that " +
			"ignores the type leaves the value in place, and rows may keep using it. Without `IF NOT EXISTS` the next upgrade " +
			"then fails with `(psycopg2.errors.DuplicateObject) enum label \"cancelled\" already exists`. Reverting for real " +
			"means rebuilding the type.",
		Example: `def upgrade() -> None:
    op.execute("ALTER TYPE status_type ADD VALUE 'cancelled'")


def downgrade() -> None:
    pass`,
		UseInstead: `def upgrade() -> None:
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")


def downgrade() -> None:
    op.execute("UPDATE orders SET status = 'pending' WHERE status = 'cancelled'")
    op.execute("ALTER TYPE status_type RENAME TO status_type_old")
    op.execute("CREATE TYPE status_type AS ENUM ('pending', 'shipped')")
    op.execute("ALTER TABLE orders ALTER COLUMN status TYPE status_type USING status::text::status_type")
    op.execute("DROP TYPE status_type_old")`,
		KnownProblems: "A downgrade that names the type anywhere counts as handling it, whatever it does with it. Downgrades with SQL the tool cannot read, or a `raise`, are left alone. Columns with a " +
			"default of the type need `DROP DEFAULT` before the swap and `SET DEFAULT` after it.",
		FixSafety: "No automatic fix: what to do with rows holding the value is a decision. The message shows the type swap " +
			"with the type's known values and columns.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertype.html",
			"https://www.postgresql.org/docs/current/datatype-enum.html"},
	},
	Check: checkEnumValueNotReverted,
})

func checkEnumValueNotReverted(p *Pass) {
	down := p.Migration.Downgrade
	if p.Migration.Upgrade == nil || down == nil || (down.Kind != migration.BodyCode && down.Kind != migration.BodyEmpty) {
		return // a missing downgrade is downgrade-missing's; a raise is a choice
	}
	first := map[string]*migration.Op{}
	added := map[string][]string{}
	guarded := map[string]bool{}
	var types []string
	for _, o := range p.Migration.Upgrade.Ops {
		if !o.Certain() {
			continue
		}
		for _, st := range enumValueAdds(o) {
			if first[st.Object] == nil {
				first[st.Object], guarded[st.Object] = o, true
				types = append(types, st.Object)
			}
			added[st.Object] = append(added[st.Object], st.Value)
			guarded[st.Object] = guarded[st.Object] && st.IfNotExists
		}
	}
	if len(types) == 0 {
		return
	}
	for _, o := range down.Ops {
		if !o.Certain() || hidesEffects(o) {
			return // the downgrade may do what we cannot see
		}
	}
	for _, name := range types {
		if downgradeMentions(down, name) || guarded[name] && saysValueStays(p.Migration, down, name, added[name]) {
			continue
		}
		what := "value " + shortList(sqlValues(added[name]), 40) + " added here stays"
		if len(added[name]) > 1 {
			what = "values " + shortList(sqlValues(added[name]), 40) + " added here stay"
		}
		help := "PostgreSQL cannot drop a value from an enum type (there is no ALTER TYPE ... DROP VALUE)."
		if !guarded[name] {
			help += fmt.Sprintf(" Without IF NOT EXISTS the next upgrade after a downgrade fails with: enum label %q already exists; write ADD VALUE IF NOT EXISTS.", added[name][0])
		}
		help += " To revert, rebuild the type in downgrade(): " + typeSwap(p, name, added[name]) + ". " + rebuildCaution
		p.Report(first[name], Message{Text: fmt.Sprintf("enum type %s: the %s after downgrade()", name, what), Help: help}, nil)
	}
}

// keptValueWords in a downgrade's comments say that a value stays on
// purpose ("The 'deploying' value will remain in the enum type").
var keptValueWords = commentWords{[]string{"remain", "stay", "kept", "keep", "left", "remov", "drop", "delet"},
	regexp.MustCompile(`(?i)\b(remains?|stays?|kept|keep|left)\b|\b(cannot|can't|can not|not possible to|doesn't support|does not support|no way to)\b[^.\n]{0,40}(remov|drop|delet)`)}

// saysValueStays reports whether the downgrade's comments say that a value
// stays, and name the type or an added value; a downgrade that does nothing
// else may say it of "the enum" (backend.ai's and SurfSense's, judged: an
// info that repeats the comment, on an ADD VALUE IF NOT EXISTS that runs again).
func saysValueStays(m *migration.Migration, down *migration.Function, name string, values []string) bool {
	comments := commentsOf(m, down)
	if !keptValueWords.match(comments) {
		return false
	}
	lower := bytes.ToLower(comments)
	named := append([]string{name}, values...)
	if len(down.Ops) == 0 {
		named = append(named, "enum")
	}
	return slices.ContainsFunc(named, func(v string) bool { return bytes.Contains(lower, []byte(strings.ToLower(v))) })
}

// downgradeMentions reports whether a downgrade names the type anywhere: in SQL,
// in an enum constructor, in a type swap.
func downgradeMentions(down *migration.Function, name string) bool {
	for _, o := range down.Ops {
		if o.SQL != nil && mentions(o.SQL.Text, name) {
			return true
		}
		found := false
		for _, e := range []*pysyntax.Expr{o.Call, o.Target} {
			e.Walk(func(x *pysyntax.Expr) bool {
				found = found || (x.Kind == pysyntax.String && mentions(x.Str, name))
				return !found
			})
		}
		if found {
			return true
		}
	}
	return false
}

// typeSwap is the SQL that rebuilds the type without the added values, filled in
// with what the history knows of its values and columns.
func typeSwap(p *Pass, name string, added []string) string {
	var kept []string
	if e := p.Before.Enum(name); e != nil && !e.Uncertain {
		kept = e.Values()
	}
	after := p.After()
	steps := append([]string{fmt.Sprintf("move the rows off %s (UPDATE ... SET <column> = <another value>)", sqlValues(added))},
		enumRebuild(after, name, kept, func(table, column string) bool { return historyDefault(after, table, column) != "" })...)
	return strings.Join(steps, "; ")
}

// rebuildCaution ends the advice to rebuild an enum type: triggers and views
// are not followed, and a column one reads cannot change type (osparc's
// comp_tasks trigger, judged), nor are tables the migrations did not make
// (skyportal's photometry, made by create_all: DROP TYPE failed, judged).
const rebuildCaution = "Drop a trigger or view that reads one of these columns first, and make it again after; likewise a " +
	"CHECK constraint or partial index that compares one of them to a value of the type, and a column default not shown here. " +
	"Convert every column of the type, also of tables the migrations did not make (create_all): while one uses the old type, " +
	"dropping it fails."

// enumRebuild is the SQL that gives enum type name other labels (values;
// "..." when not known) and keeps the values of the columns using it in s:
// the type renamed away, made again, each column converted to it (its
// server default, when hasDefault says it has one, dropped first and set
// again after, as it does not convert: osparc's statetype, judged), the old
// type dropped.
func enumRebuild(s *history.State, name string, values []string, hasDefault func(table, column string) bool) []string {
	labels := "..."
	if len(values) > 0 {
		labels = sqlValues(values)
	}
	users := s.EnumUsers(name)
	if len(users) == 0 {
		users = []string{"<table>.<column>"}
	}
	steps := []string{fmt.Sprintf("ALTER TYPE %s RENAME TO %s_old", name, name), fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", name, labels)}
	var defaults []string
	for _, u := range users {
		i := strings.LastIndex(u, ".") // table keys may carry a schema
		table, column := u[:i], u[i+1:]
		if hasDefault(table, column) {
			steps = append(steps, fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT", table, column))
			defaults = append(defaults, u)
		}
		steps = append(steps, fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s TYPE %s USING %s::text::%s", table, column, name, column, name))
	}
	steps = append(steps, fmt.Sprintf("DROP TYPE %s_old", name))
	if len(defaults) > 0 {
		steps = append(steps, fmt.Sprintf("then set the server default of %s again", strings.Join(defaults, ", ")))
	}
	return steps
}

// sqlValues lists values as SQL literals: 'a', 'b'.
func sqlValues(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return strings.Join(quoted, ", ")
}
