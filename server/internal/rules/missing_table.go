package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

var _ = register(&Rule{
	ID:            "missing-table",
	StopsFunction: true,
	Profile:       Default,
	Severity:      Error,
	Fix:           FixNever,
	Summary:       "drop_table or rename_table names a table that does not exist at that point",
	Doc: Doc{
		FailsWhen: "On every database the history built: the table does not exist when the operation runs.",
		What: "Finds `drop_table` and `rename_table` in downgrade() naming a table that does not exist just before the " +
			"operation, in a history that made every table it changed up to the downgrade (`op.create_table`, or SQL the " +
			"tool reads) and ran nothing it cannot read. A table the same downgrade dropped before is " +
			"table-used-after-drop's.",
		Why: "PostgreSQL refuses it: `table \"action_history\" does not exist` (MySQL: `Unknown table`, SQLite: `no such " +
			"table`). It is usually a downgrade that names another table than the one its upgrade created: a name " +
			"spelled differently (`assoc_signal_instance_entity_types` for `assoc_signal_instance_entities`) or copied from " +
			"another revision. The downgrade then stops half-way, and what its upgrade created stays.",
		Example: `# 0002_background_tasks.py (the revision under review)
def upgrade():
    op.create_table("background_tasks", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("action_history")`,
		UseInstead: `# 0002_background_tasks.py
def downgrade():
    op.drop_table("background_tasks")`,
		KnownProblems: "Upgrades are not judged: a first revision may drop the tables of a schema made before Alembic. A " +
			"history that changes tables no revision made (it runs on a schema made by `create_all()` or a dump) is left " +
			"alone, and so is a table a later revision changes or fills before any creates it (or creates in its downgrade), one after SQL or code the " +
			"tool cannot read, a table name that matches a known table but for case, a view, and an operation under a " +
			"condition.",
		FixSafety:  "No automatic fix: the table meant is the author's to say.",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/ops.html#alembic.operations.Operations.drop_table"},
	},
	Check: checkMissingTable,
})

func checkMissingTable(p *Pass) {
	// downgrades only: a first revision that drops the tables of a schema made
	// before Alembic (or by create_all) is no mistake, while a downgrade
	// dropping a table its upgrade left as it was is one either way
	dropped := map[string]bool{} // by this downgrade: table-used-after-drop's
	p.DowngradeSteps(func(o *migration.Op, s, _ *history.State) {
		if o.Name != "drop_table" && o.Name != "rename_table" {
			return
		}
		table, ok := o.Table()
		key := effect.TableKey(o, table)
		defer func() { dropped[strings.ToLower(key)] = true }()
		if !ok || !o.Certain() || len(o.ArgProblems) > 0 || dropped[strings.ToLower(key)] {
			return
		}
		if ifExists, _ := o.Arg("if_exists").BoolValue(); ifExists || !absentInDowngrade(p, s, key) {
			return
		}
		p.Report(o, missingTableMessage(p, o, table, s), nil)
	})
}

// absentInDowngrade reports whether table key certainly does not exist at
// this point of the downgrade (s): the schema the downgrade starts from was
// made by the history alone (nothing unread, no table changed that no revision
// made), it lacks the table, and no revision above relies on the table
// before creating it. (Judged on the downgrade's start, so that a missing
// table a downgrade names does not hide the next one.)
func absentInDowngrade(p *Pass, s *history.State, key string) bool {
	start := p.After()
	return !start.Unknown && !start.ChangedUnseenTables() && !s.Unknown && s.Table(key) == nil && !s.MayBeView(key) &&
		len(s.TablesButForCase(key)) == 0 && !usedAboveUncreated(p, key) && !madeByDowngradeAbove(p, effect.Table, key)
}

// usedAboveUncreated reports whether the nearest revision above that names
// the table changes or fills it rather than creating it: the databases the
// project upgrades have it from outside the history (fides' fideslib tables,
// made by create_all, which later revisions alter).
func usedAboveUncreated(p *Pass, key string) bool {
	used := false
	laterRevision(p, func(m *migration.Migration, o *migration.Op) bool {
		for _, e := range effect.Of(p.Names(), m, o) {
			if e.Unreadable || !strings.EqualFold(e.Key(), key) && !(e.Object == effect.Table && strings.EqualFold(e.ToKey(), key)) {
				continue
			}
			used = e.Object != effect.Table || e.Change != effect.Create
			return true
		}
		return false
	})
	return used
}

func missingTableMessage(p *Pass, o *migration.Op, table string, s *history.State) Message {
	bare := pysyntax.LastName(table)
	failure := fmt.Sprintf("table %q does not exist", bare)
	if o.Name == "rename_table" {
		failure = fmt.Sprintf("relation %q does not exist", bare)
	}
	switch p.Dialect {
	case "mysql":
		failure = fmt.Sprintf("Unknown table '%s' (error 1051)", bare)
		if o.Name == "rename_table" {
			failure = fmt.Sprintf("Table '%s' doesn't exist (error 1146)", bare)
		}
	case "sqlite":
		failure = "no such table: " + bare
	}
	help := fmt.Sprintf("It fails with: %s. Check the name against the operation that created the table.", failure)
	made := createdByUpgrade(p)
	var left []string // still there: one of them may be the table meant
	for _, t := range made {
		if s.Table(t) != nil {
			left = append(left, strconv.Quote(t))
		}
	}
	switch {
	case o.Name != "drop_table" || len(made) == 0:
	case len(left) > 0:
		help = fmt.Sprintf("It fails with: %s. upgrade() creates %s, which this downgrade has not dropped yet: is one of "+
			"them the table meant?", failure, strings.Join(left, ", "))
	default: // OpenHands' downgrade drops all five of its tables, then a sixth (judged)
		help = fmt.Sprintf("It fails with: %s. This downgrade has already dropped every table upgrade() creates: remove "+
			"this drop (and the operations on the same table).", failure)
	}
	return Message{Text: fmt.Sprintf("%s(%q) names a table that does not exist at this point", o.Name, table), Help: help}
}

// createdByUpgrade are the tables (by key) the revision's upgrade creates.
func createdByUpgrade(p *Pass) []string {
	var made []string
	if up := p.Migration.Upgrade; up != nil {
		for _, o := range up.Ops {
			for _, e := range p.Effects(o) {
				if e.Object == effect.Table && e.Change == effect.Create && !e.Unreadable && !e.Temporary {
					made = append(made, e.Key())
				}
			}
		}
	}
	return made
}
