package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

var _ = register(&Rule{
	ID:            "object-already-exists",
	StopsFunction: true,
	Profile:       Default,
	Severity:      Error,
	Fix:           FixNever,
	DialectAware:  true,
	Summary:       "A table, index, unique constraint or sequence is created under a name that is already taken at that point",
	Doc: Doc{
		FailsWhen: "On every database: the object is there when the CREATE runs.",
		What: "Finds `create_table` and `CREATE TABLE`, in upgrade() and downgrade(), of a table the history certainly " +
			"holds just before (created without a condition and not dropped since), and `create_index` or `CREATE INDEX` " +
			"or `create_unique_constraint` under the name of an index or unique constraint the same table certainly has " +
			"(on PostgreSQL also the name it gave a unique constraint made without one, <table>_<columns>_key, when no " +
			"naming convention names it), and on PostgreSQL `CREATE SEQUENCE` (in SQL or as " +
			"`CreateSequence(...)`) of a sequence an earlier CREATE SEQUENCE certainly made. `IF NOT EXISTS`, " +
			"`if_not_exists=True`, temporary tables and operations under a condition are left alone.",
		Why: "The database refuses it: PostgreSQL with `relation \"orders\" already exists`, MySQL/MariaDB with `Table " +
			"'orders' already exists` (1050) or `Duplicate key name 'ix_orders_placed'` (1061), SQLite with `table orders " +
			"already exists`. In an upgrade it fails on every fresh database; in a downgrade it shows only when somebody " +
			"needs to go back, most often because the downgrade creates again what the upgrade never dropped, or creates " +
			"it twice.",
		Example: `# 0001_orders.py
def upgrade():
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True))


# 0002_archive.py (the revision under review)
def upgrade():
    op.add_column("orders", sa.Column("archived", sa.Boolean(), nullable=True))


def downgrade():
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True))`,
		UseInstead: `# 0002_archive.py
def downgrade():
    op.drop_column("orders", "archived")`,
		KnownProblems: "A table, index or sequence made under a condition, by SQL the tool cannot read, or before the " +
			"first revision is not known to exist, so creating it again is not reported; nor is one a statement before it in " +
			"the same SQL string drops (`DROP TABLE t; CREATE TABLE t ...`), nor a sequence PostgreSQL " +
			"makes for a serial column, or one OWNED BY a column (it goes with its table). Index names are compared within their " +
			"table only (PostgreSQL also refuses an index named like another table's index or a table). A create in a downgrade " +
			"of a table or index that a later revision changes in an upgrade whose downgrade reverts nothing (`pass`) is left " +
			"alone: coming down from the head, it is as that revision left it.",
		FixSafety:  "No automatic fix: whether the second create or the first is wrong is the author's to say.",
		References: []string{"https://www.postgresql.org/docs/current/sql-createtable.html"},
	},
	Check: checkObjectAlreadyExists,
})

func checkObjectAlreadyExists(p *Pass) {
	check := func(o *migration.Op, s *history.State) {
		if !o.Certain() || s.Unknown || len(o.ArgProblems) > 0 {
			return
		}
		if missingOnly, _ := o.Arg("if_not_exists").BoolValue(); missingOnly {
			return
		}
		// what a statement before it in the same SQL string dropped: the
		// replay has not applied it ("DROP TABLE t; CREATE TABLE t ...")
		dropped := map[string]bool{}
		identity := func(e effect.Effect) string {
			switch {
			case e.Object == effect.Table:
				return strings.ToLower(fmt.Sprint(e.Object, "\x00", e.Key()))
			case e.Object == effect.Constraint && e.ConstraintType == "unique":
				// a unique constraint is named as its index is: ADD CONSTRAINT
				// x UNIQUE USING INDEX x takes the index over (notifications-api)
				return strings.ToLower(fmt.Sprint(effect.Index, "\x00", e.Name))
			}
			return strings.ToLower(fmt.Sprint(e.Object, "\x00", e.Name)) // DROP INDEX names no table
		}
		for _, e := range p.Effects(o) {
			if e.Change == effect.Drop || e.Change == effect.Rename {
				dropped[identity(e)] = true
			}
			if e.Change != effect.Create || e.IfMissing || e.Temporary || e.Unreadable || dropped[identity(e)] {
				continue
			}
			if e.Object == effect.Sequence {
				if by, made := s.SequenceMadeBy(e.Name); made && p.IsPostgres() {
					p.Report(o, sequenceAgainMessage(p, o, e.Name, by), nil)
				}
				continue
			}
			t := s.Table(e.Key())
			if t == nil || t.Uncertain {
				continue
			}
			pathDependent := func() bool { return p.InDowngrade(o.Call.Span) && keptAbove(p, e.Object, cmp.Or(e.Name, e.Key())) }
			switch {
			case e.Object == effect.Table && !pathDependent():
				p.Report(o, existingMessage(p.Dialect, t, ""), nil)
			case e.Object == effect.Index && e.Name != "" && t.HasIndexCertainly(e.Name) && !pathDependent():
				p.Report(o, existingMessage(p.Dialect, t, e.Name), nil)
			case e.Object == effect.Constraint && e.ConstraintType == "unique" && e.Name != "" && t.HasIndexCertainly(e.Name) && !pathDependent():
				msg := existingMessage(p.Dialect, t, e.Name)
				msg.Text = strings.Replace(msg.Text, "creates index", "creates unique constraint", 1)
				msg.Help = strings.Replace(msg.Help, "Drop the index first", "Drop the constraint first", 1)
				if cols := defaultedUnique(t, e.Name); cols != nil {
					msg.Help += fmt.Sprintf(" PostgreSQL gave this name to the unique constraint on (%s) made without one.", strings.Join(cols, ", "))
				}
				p.Report(o, msg, nil)
			}
		}
	}
	p.Upgrade(check)
	p.Downgrade(check)
}

// defaultedUnique is the columns of the table's unique constraint made
// without a name that PostgreSQL calls name (history.Index.Defaulted;
// ubuntu-com-security-api's downgrade adds release_codename_key again,
// judged); nil when the index of that name is another.
func defaultedUnique(t *history.Table, name string) []string {
	indexes, _ := t.Indexes()
	for _, ix := range indexes {
		if ix.Name == name && ix.Defaulted {
			return ix.Columns
		}
	}
	return nil
}

// sequenceAgainMessage is the finding on a CREATE SEQUENCE of a sequence
// revision by made: it says which create was first, as a copy of it left
// unedited is the usual slip (fides' downgrade makes policies_id_seq three
// times where each table's own sequence was meant, judged).
func sequenceAgainMessage(p *Pass, o *migration.Op, name, by string) Message {
	f, before := opsBefore(p, o)
	downgrade := f != nil && f == p.Migration.Downgrade
	failure := fmt.Sprintf("It fails with: relation %q already exists", name)
	first := slices.IndexFunc(before, func(x *migration.Op) bool {
		return slices.ContainsFunc(p.Effects(x), func(e effect.Effect) bool {
			return e.Object == effect.Sequence && e.Change == effect.Create && e.Name == name
		})
	})
	msg := Message{Text: fmt.Sprintf("creates sequence %q%s, which already exists here", name, inDowngrade(downgrade))}
	switch {
	case first >= 0:
		msg.Help = fmt.Sprintf("%s: line %d created it already. If this create was copied from there to make another sequence, "+
			"name that one; if not, remove it.", failure, before[first].Call.Span.StartLine)
	case downgrade && by == p.Revision.ID:
		msg.Help = fmt.Sprintf("%s: upgrade() created it, and downgrade() should drop it instead: %s.execute(%s).", failure,
			p.Style().Spell(stylist.Op), p.Style().Quote("DROP SEQUENCE "+p.SQLName(name)))
	default:
		msg.Help = fmt.Sprintf("%s: revision %s created it, and nothing dropped it since. Remove this create, or drop the "+
			"sequence first if it must be made anew.", failure, by)
	}
	return msg
}

// existingMessage is the finding on a table created again (index "") or an
// index created again on table t.
func existingMessage(dialect string, t *history.Table, index string) Message {
	table := pysyntax.LastName(t.Name)
	var failure string
	switch {
	case dialect == "mysql" && index == "":
		failure = fmt.Sprintf("Table '%s' already exists (error 1050)", table)
	case dialect == "mysql":
		failure = fmt.Sprintf("Duplicate key name '%s' (error 1061)", index)
	case dialect == "sqlite" && index == "":
		failure = fmt.Sprintf("table %s already exists", table)
	case dialect == "sqlite":
		failure = fmt.Sprintf("index %s already exists", index)
	default: // an index is a relation of its own on PostgreSQL
		failure = fmt.Sprintf("relation %q already exists", cmp.Or(index, table))
	}
	if index != "" {
		return Message{Text: fmt.Sprintf("creates index %q, which table %q already has here", index, t.Name),
			Help: fmt.Sprintf("It fails with: %s. Drop the index first if it must be made anew, or remove this create.", failure)}
	}
	return Message{Text: fmt.Sprintf("creates table %q, which already exists here (revision %s created it)", t.Name, t.CreatedBy),
		Help: fmt.Sprintf("It fails with: %s. Create it once: drop it first if it must be made anew, or remove this create "+
			"if the table is meant to stay.", failure)}
}
