package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:            "enum-type-dropped-while-used",
	StopsFunction: true,
	Profile:       Default,
	Severity:      Error,
	Fix:           FixNever,
	PostgresOnly:  true,
	Summary:       "An enum type is dropped while a column still uses it",
	Doc: Doc{
		FailsWhen: "On every PostgreSQL database: a type that a column uses cannot be dropped without CASCADE.",
		What: "Finds, in upgrade() or downgrade(), a drop of an enum type (`sa.Enum(name=x).drop(bind)`, " +
			"`postgresql.ENUM(...).drop(bind)`, `DROP TYPE x` in SQL, without CASCADE) while a column of a table the " +
			"history knows still has that type at that point: a table dropped only after the type, a second table that " +
			"uses the type, or the old type of a rename-and-swap (`ALTER TYPE x RENAME TO x_old`, `CREATE TYPE x`, " +
			"`ALTER TABLE ... TYPE x`, `DROP TYPE x_old`) that not every column was moved off.",
		Why: "PostgreSQL refuses with `cannot drop type x because other objects depend on it` (`DETAIL: column status of " +
			"table order_history depends on type x`). The usual cause is a second table sharing the type: a type swap " +
			"written for one table forgets the other, or a hand-ordered downgrade drops the type before the last table " +
			"that uses it. In a downgrade it shows only when somebody needs to go back.",
		Example: `def upgrade():
    status = sa.Enum("active", "archived", name="order_state")
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("state", status))
    op.create_table("order_history", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("state", status))


def downgrade():
    op.drop_table("orders")
    sa.Enum(name="order_state").drop(op.get_bind())
    op.drop_table("order_history")`,
		UseInstead: `def downgrade():
    op.drop_table("orders")
    op.drop_table("order_history")
    sa.Enum(name="order_state").drop(op.get_bind())`,
		KnownProblems: "Only columns the history knows are counted: a column whose table was changed by SQL the tool " +
			"cannot read, or by a condition, is left out, and a drop after code whose effects cannot be read (a helper, " +
			"SQL built at run time) is not reported. A column that a statement before the drop in the same SQL string changes " +
			"(`ALTER COLUMN ... TYPE new USING ...; DROP TYPE old`) is left out too. `DROP TYPE ... CASCADE` is not reported " +
			"here: it drops the columns that use the type, with their data.",
		FixSafety:  "No automatic fix: whether to move the drop after the last user, or to move the columns to another type first, is the author's choice.",
		References: []string{"https://www.postgresql.org/docs/current/sql-droptype.html"},
	},
	Check: checkEnumTypeDroppedWhileUsed,
})

func checkEnumTypeDroppedWhileUsed(p *Pass) {
	for _, fn := range []struct {
		steps func(func(o *migration.Op, before, after *history.State))
		name  string
	}{{p.UpgradeSteps, "upgrade()"}, {p.DowngradeSteps, "downgrade()"}} {
		hidden := false // after code whose effects cannot be read, the columns may have moved
		fn.steps(func(o *migration.Op, before, _ *history.State) {
			if hidden = hidden || hidesEffects(o); hidden || !o.Certain() {
				return
			}
			changed := map[string]bool{} // columns (or whole tables) the statements before it in the same string changed
			for _, e := range p.Effects(o) {
				if e.Object != effect.Type || e.Change != effect.Drop || e.Unreadable || e.Cascade || e.Name == "" {
					switch {
					case e.Table == "":
					case e.Object == effect.Column && e.Name != "":
						changed[strings.ToLower(e.Key()+"."+e.Name)] = true
					case e.Object == effect.Table || e.Object == effect.Column:
						changed[strings.ToLower(e.Key())] = true
					}
					continue
				}
				if en := before.Enum(e.Name); en == nil || en.Uncertain {
					continue
				}
				// the replay has not applied those statements: a column they
				// move to another type may no longer use it (osparc-simcore
				// retypes its columns, then drops the old type, in one string)
				users := slices.DeleteFunc(knownEnumUsers(before, e.Name), func(user string) bool {
					table, _, _ := strings.Cut(user, ".")
					return changed[strings.ToLower(user)] || changed[strings.ToLower(table)]
				})
				if len(users) > 0 {
					p.Report(o, droppedWhileUsed(e.Name, users, fn.name), nil)
				}
			}
		})
	}
}

// knownEnumUsers are the columns ("table.column") that certainly use the
// enum type in s: their table is neither uncertain nor changed by SQL the
// replay could not follow.
func knownEnumUsers(s *history.State, enum string) []string {
	var out []string
	for _, user := range s.EnumUsers(enum) {
		table, column, _ := strings.Cut(user, ".")
		t := s.Table(table)
		if t == nil || t.Uncertain || t.Opaque {
			continue
		}
		if c := t.Column(column); c != nil && !c.Uncertain {
			out = append(out, user)
		}
	}
	return out
}

func droppedWhileUsed(enum string, users []string, function string) Message {
	first, column, _ := strings.Cut(users[0], ".")
	verb := "uses"
	if len(users) > 1 {
		verb = "use"
	}
	return Message{
		Text: fmt.Sprintf("enum type %q is dropped in %s while %s still %s it", enum, function, brief.List(users, brief.Names), verb),
		Help: fmt.Sprintf("PostgreSQL fails with: cannot drop type %s because other objects depend on it (column %s of table %s "+
			"depends on type %s). Drop the type after the last table or column that uses it, or move those columns to "+
			"another type first (alter_column(..., type_=..., postgresql_using=...)).", enum, column, first, enum),
	}
}
