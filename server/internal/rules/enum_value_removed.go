package rules

import (
	"fmt"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:           "enum-value-removed",
	Profile:      Default,
	PostgresOnly: true,
	Severity:     Warning,
	Fix:          FixNever,
	Summary:      "An enum column is converted to a type without some of its values while rows may still hold them",
	Doc: Doc{
		FailsWhen: "On databases where a row holds a removed value: invalid input value for enum.",
		What: "Finds the conversion step of an enum type swap (`ALTER TABLE ... ALTER COLUMN c TYPE new_type USING " +
			"c::text::new_type`, or `alter_column(type_=...)` to a named enum) on an existing table, when the column's type " +
			"has values the new type lacks, and nothing earlier in the function moves the rows off them: an `UPDATE` of " +
			"the table naming the column, a `DELETE` from it, or code the tool cannot read. In a downgrade it is an info when, " +
			"on every way down from the heads, the downgrade of a revision above leaves the table empty first (as for " +
			"add-required-column).",
		Why: "PostgreSQL cannot drop a value from an enum type, so removing one means a swap: `ALTER TYPE order_status RENAME " +
			"TO order_status_old`, `CREATE TYPE order_status AS ENUM (...)` without the value, convert the column, drop the " +
			"old type. The conversion casts every row through text; a row that still holds the removed value fails it with " +
			"`invalid input value for enum order_status: \"archived\"`. An empty database in CI passes, production does not.",
		Example: `# 0001_orders.py
def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", sa.Enum("pending", "shipped", "archived", name="order_status"), nullable=False),
    )


# 0002_drop_archived.py
def upgrade():
    op.execute("ALTER TYPE order_status RENAME TO order_status_old")
    op.execute("CREATE TYPE order_status AS ENUM ('pending', 'shipped')")
    op.execute("ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::text::order_status")
    op.execute("DROP TYPE order_status_old")`,
		UseInstead: `def upgrade():
    op.execute("UPDATE orders SET status = 'shipped' WHERE status = 'archived'")
    op.execute("ALTER TYPE order_status RENAME TO order_status_old")
    op.execute("CREATE TYPE order_status AS ENUM ('pending', 'shipped')")
    op.execute("ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::text::order_status")
    op.execute("DROP TYPE order_status_old")`,
		KnownProblems: "The values of both types must be known: from `sa.Enum`/`postgresql.ENUM` in the history, or from a " +
			"literal `CREATE TYPE ... AS ENUM (...)` in the same function. A USING expression that maps the removed values " +
			"(a CASE) is not read: it is reported too. The tool cannot know whether any row holds a removed value.",
		FixSafety: "No automatic fix: only the author knows which value the rows should get instead.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertype.html",
			"https://www.postgresql.org/docs/current/datatype-enum.html"},
	},
	Check: checkEnumValueRemoved,
})

func checkEnumValueRemoved(p *Pass) {
	enumValueRemovedIn(p, p.Migration.Upgrade, p.Upgrade, true)
	enumValueRemovedIn(p, p.Migration.Downgrade, p.Downgrade, false)
}

func enumValueRemovedIn(p *Pass, f *migration.Function, walk func(func(*migration.Op, *history.State)), upgrade bool) {
	if f == nil {
		return
	}
	created := map[string][]string{} // values of the types CREATE TYPE made in this function
	earlier := newFills()
	walk(func(o *migration.Op, s *history.State) {
		defer earlier.add(o)
		if !o.Certain() {
			return
		}
		if o.SQL != nil && o.SQL.Known {
			for _, st := range o.SQL.Statements {
				switch st.Kind {
				case migration.SQLCreateType:
					if st.Values != nil {
						created[st.Object] = st.Values
					}
				case migration.SQLAlterTable:
					for _, a := range st.Actions {
						if a.Kind == migration.AlterColumnType {
							removedValuesProblem(p, o, s, earlier, created, st.Table, a.Column, a.Type, upgrade)
						}
					}
				}
			}
		}
		if o.Name == "alter_column" && o.Arg("type_") != nil {
			table, tok := o.Table()
			column, cok := o.ArgString("column_name")
			if en := effect.EnumOf(p.Migration.Type(o, o.Arg("type_"))); tok && cok && en != nil && en.Name != "" {
				if en.ValuesKnown && created[en.Name] == nil && s.Enum(en.Name) == nil {
					created[en.Name] = en.Values
				}
				removedValuesProblem(p, o, s, earlier, created, effect.TableKey(o, table), column, en.Name, upgrade)
			}
		}
	})
}

// removedValuesProblem reports a conversion of table.column to the enum type
// target that drops values of the column's current type.
func removedValuesProblem(p *Pass, o *migration.Op, s *history.State, earlier *fills, created map[string][]string, table, column, target string, upgrade bool) {
	t := s.Table(table)
	if upgrade {
		t = preexistingTable(p, s, table)
	}
	if t == nil || t.Opaque || s.Unknown {
		return
	}
	c := t.Column(column)
	if c == nil || c.Uncertain || c.Enum == "" || c.Enum == target {
		return
	}
	from := s.Enum(c.Enum)
	if from == nil || from.Uncertain || from.Values() == nil {
		return
	}
	to := created[target]
	if to == nil {
		if e := s.Enum(target); e != nil && !e.Uncertain {
			to = e.Values()
		}
	}
	if to == nil {
		return
	}
	var removed []string
	for _, v := range from.Values() {
		if !slices.Contains(to, v) {
			removed = append(removed, v)
		}
	}
	// the revision before may have moved the rows (funding-service-design's
	// DELETE of the rows it copied out, by SQL built at run time)
	if len(removed) == 0 || earlier.may(t.Name, column) || upgrade && recentDataStep(p, t.Name, column, rewritesValues) {
		return
	}
	st := p.Style()
	in := sqlValues(removed)
	help := fmt.Sprintf("The old type %s has them. If any row holds one the conversion fails with: invalid input value for enum %s: %q.",
		c.Enum, p.SQLName(target), removed[0]) // PostgreSQL quotes the type as SQL would
	// a downgrade restores the type as the revision below had it: a value
	// that type had is one this downgrade forgets, not one to move rows off
	// (osparc-simcore's 'EXPIRED', added by an earlier revision; judged)
	var older, moved []string
	for _, v := range removed {
		if below := p.Before.Enum(target); !upgrade && below != nil && !below.Uncertain && slices.Contains(below.Values(), v) {
			older = append(older, v)
		} else {
			moved = append(moved, v)
		}
	}
	if len(older) > 0 {
		help += fmt.Sprintf(" %s %s older than this revision (the type below it has %s): keep %s in the type downgrade() "+
			"makes, or the rows lose a value the revision below accepts.", sqlValues(older), brief.Agree(len(older), "is", "are"),
			brief.Agree(len(older), "it", "them"), brief.Agree(len(older), "it", "them"))
	}
	if len(moved) > 0 {
		help += fmt.Sprintf(" Move the rows first: %s.execute(%s).", st.Spell(stylist.Op),
			st.Quote(fmt.Sprintf("UPDATE %s SET %s = <a value %s keeps> WHERE %s IN (%s)", p.SQLTableOf(o, t.Name), p.SQLName(column), target,
				p.SQLName(column), sqlValues(moved))))
	}
	sev := p.Rule.Severity
	if !upgrade {
		if emptied := emptiedFirst(p, table, t.Name, s); emptied != "" {
			sev, help = Info, emptied+" "+help
		}
	}
	p.ReportSeverity(sev, o.Call.Span, Message{Text: fmt.Sprintf("converting %q to enum type %q%s drops %s, which rows may hold",
		t.Name+"."+column, target, inDowngrade(!upgrade), shortList(in, 40)), Help: help}, nil)
}
