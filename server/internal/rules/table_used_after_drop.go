package rules

import (
	"fmt"
	"maps"
	"slices"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:            "table-used-after-drop",
	StopsFunction: true,
	Profile:       Default,
	Severity:      Error,
	Fix:           FixNever,
	Summary:       "An operation uses a table, or drops an index of it, after the same function dropped the table",
	Doc: Doc{
		FailsWhen: "On every database: the table, and its indexes and constraints with it, are gone when the operation runs.",
		What: "Finds, in upgrade() or downgrade(), an operation on a table (`add_column`, `drop_column`, `alter_column`, " +
			"`create_index`, `drop_constraint`, `create_*_constraint`, `drop_table`, `rename_table`, ..., also in batch " +
			"blocks) that an earlier operation of the same function dropped, and a `drop_index` of an index that table had, " +
			"when nothing in between creates the table again (or runs code the tool cannot follow).",
		Why: "Dropping a table drops its indexes and constraints. Hand-edited downgrades often list the drops in the order " +
			"the upgrade created things (`drop_table`, then `drop_index` of the table's index), and the downgrade then " +
			"fails half-way: PostgreSQL says `index \"projects_name_hash\" does not exist` or `relation \"projects\" does " +
			"not exist`. As the failure is in a downgrade, it shows only when somebody needs to go back.",
		Example: `def upgrade():
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name_hash", sa.String(40), nullable=False),
    )
    op.create_index("projects_name_hash", "projects", ["name_hash"], unique=True)


def downgrade():
    op.drop_table("projects")
    op.drop_index("projects_name_hash", table_name="projects")`,
		UseInstead: `def downgrade():
    op.drop_index("projects_name_hash", table_name="projects")
    op.drop_table("projects")`,
		KnownProblems: "Only tables and indexes the history knows are judged, and only certain operations: one under a " +
			"condition, or after code whose effects cannot be read (a helper, SQL built at run time), is left alone. An " +
			"operation passing `if_exists=True` is not reported.",
		FixSafety:  "No automatic fix: moving the operation before the drop, or removing it, is the author's choice.",
		References: []string{"https://www.postgresql.org/docs/current/sql-droptable.html"},
	},
	Check: checkTableUsedAfterDrop,
})

func checkTableUsedAfterDrop(p *Pass) {
	walk := func(steps func(func(o *migration.Op, before, after *history.State)), function string) {
		gone := map[string]*droppedTable{} // by table key: the tables dropped so far
		steps(func(o *migration.Op, before, after *history.State) {
			if hidesEffects(o) {
				clear(gone) // it may create them again
				return
			}
			if o.Certain() && o.Arg("if_exists") == nil {
				if msg, ok := usesDropped(o, before, gone, function, p.Dialect); ok {
					p.Report(o, msg, nil)
				}
			}
			for key := range gone {
				if after.Table(key) != nil {
					delete(gone, key) // created again
				}
			}
			if !o.Certain() || o.Name != "drop_table" {
				return
			}
			for _, e := range p.Effects(o) {
				if t := before.Table(e.Key()); e.Object == effect.Table && e.Change == effect.Drop && !e.Unreadable &&
					t != nil && after.Table(e.Key()) == nil {
					gone[e.Key()] = &droppedTable{op: o, table: t}
				}
			}
		})
	}
	walk(p.UpgradeSteps, "upgrade()")
	walk(p.DowngradeSteps, "downgrade()")
}

// droppedTable is a table a function dropped, as it was before the drop.
type droppedTable struct {
	op    *migration.Op
	table *history.Table
}

// tableOps are the operations that need their table to exist.
var tableOps = []string{"add_column", "drop_column", "alter_column", "create_index", "drop_constraint",
	"create_unique_constraint", "create_check_constraint", "create_primary_key", "create_foreign_key",
	"create_exclude_constraint", "drop_table", "rename_table", "create_table_comment", "drop_table_comment"}

// usesDropped explains how o fails on a table the function dropped before it.
func usesDropped(o *migration.Op, before *history.State, gone map[string]*droppedTable, function, dialect string) (Message, bool) {
	postgres := dialect == "postgresql"
	if len(gone) == 0 {
		return Message{}, false
	}
	table, named := o.Table()
	if o.Name == "drop_index" {
		return indexOfDropped(o, before, gone, function, dialect)
	}
	d := gone[effect.TableKey(o, table)]
	if !named || d == nil || !slices.Contains(tableOps, o.Name) {
		return Message{}, false
	}
	missing := absent(postgres, "relation", "table", table)
	return Message{Text: fmt.Sprintf("%s after drop_table (line %d) in %s: %s by then", o.Name, d.op.Call.Span.StartLine, function, missing),
		Help: fmt.Sprintf("%s%s. Move the %s before the drop_table, or remove it if the drop makes it needless "+
			"(dropping a table drops its indexes and constraints).", failing(postgres), missing, o.Name)}, true
}

// indexOfDropped explains a drop_index of an index that went with a table the
// function dropped: the index the table had by that name, when no table that
// is left has one.
func indexOfDropped(o *migration.Op, before *history.State, gone map[string]*droppedTable, function, dialect string) (Message, bool) {
	postgres := dialect == "postgresql"
	name, _, ok := migration.NameArg(o.Arg("index_name"))
	if !ok || len(gone) == 0 {
		return Message{}, false
	}
	for _, key := range slices.Sorted(maps.Keys(gone)) {
		d := gone[key]
		if table, named := o.Table(); named && effect.TableKey(o, table) != key || !d.table.HasIndex(name) {
			continue
		}
		// looked up last: it reads every table of the state
		if slices.ContainsFunc(before.Tables(), func(t *history.Table) bool { return t.HasIndex(name) }) {
			return Message{}, false
		}
		missing := absent(postgres, "index", "index", name)
		instead := "Drop the index before the table, or remove the drop_index."
		if _, named := o.Table(); !named && dialect == "mysql" {
			// MySQL's DROP INDEX names the table: Alembic writes ON no_table (buildbot, judged on MariaDB)
			instead = fmt.Sprintf("Remove the drop_index: without table_name= it fails on MySQL before the table too "+
				"(DROP INDEX ... ON no_table); to keep it, move it before the drop_table with table_name=%q.", d.table.Name)
		}
		return Message{Text: fmt.Sprintf("drop_index after drop_table(%q) (line %d) in %s: %s by then", d.table.Name, d.op.Call.Span.StartLine, function, missing),
			Help: fmt.Sprintf("%s%s: dropping the table dropped its indexes. %s", failing(postgres), missing, instead)}, true
	}
	return Message{}, false
}

// failing begins a help text that says what absent says: PostgreSQL's
// error on PostgreSQL, plain words elsewhere (buildbot's help quoted them as
// an error text).
func failing(postgres bool) string {
	if postgres {
		return "It fails with: "
	}
	return "It fails: "
}

// absent says that an object is missing, in PostgreSQL's words on
// PostgreSQL (relation "t" does not exist), else plainly (table "t" is gone).
func absent(postgres bool, pgKind, kind, name string) string {
	if postgres {
		return fmt.Sprintf("%s %q does not exist", pgKind, name)
	}
	return fmt.Sprintf("%s %q is gone", kind, name)
}
