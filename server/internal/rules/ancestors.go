package rules

import (
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// recentDataStep reports whether the parent revision, or its own parent, ran a
// data step on table.column before this revision: an UPDATE of the table that
// names the column, a DELETE from the table, or a data step the tool cannot
// read (SQLAlchemy constructs, application code) in a revision whose source
// names the table. A backfill is often its own revision ("in preparation for
// the next migration") followed by the one that sets NOT NULL or narrows the
// column. The walk (recentWalk) goes through empty merges, along each parent,
// and stops at the revision that added the column or created the table: only
// its steps after that count.
func recentDataStep(p *Pass, table, column string, goal dataGoal) bool {
	found := false
	p.walkRecent(func(r *history.Revision) bool {
		m := r.Migration
		switch {
		case found:
			return false
		case !m.WritesUpgrade && len(m.SyntaxErrors) == 0:
			return true // an empty merge: what ran below it counts
		case m.Upgrade == nil || len(m.SyntaxErrors) > 0:
			return false
		}
		steps := p.ancestorSteps(m)
		created := steps.lastCreates(table, column)
		found = steps.touchedSince(created+1, table, column, goal, true)
		return !found && created < 0
	})
	return found
}

// createsColumn reports whether an operation creates the table or adds the column.
func createsColumn(m *migration.Migration, o *migration.Op, table, column string) bool {
	t, ok := o.Table()
	if !ok || !strings.EqualFold(t, table) {
		return false
	}
	switch o.Name {
	case "create_table":
		return true
	case "add_column":
		c := m.Column(o, o.Arg("column"))
		return c != nil && c.NameKnown && strings.EqualFold(c.Name, column)
	case "alter_column":
		name, ok := o.ArgString("new_column_name")
		return ok && strings.EqualFold(name, column)
	}
	return false
}

// dataGoal is what a data step must do for a later change to be safe.
type dataGoal int

const (
	fillsNulls     dataGoal = iota // set the column, or delete the rows where it IS NULL
	rewritesValues                 // set the column, or delete rows chosen by it
)

// touchesColumn reports whether an operation may have done what goal asks on
// table.column: an UPDATE of the table that sets the column; a DELETE from it
// that selects rows by the column (by `column IS NULL` for fillsNulls); or a
// data step the tool cannot read that names the column (with broad, for an
// earlier revision: in a file that names the table).
func touchesColumn(m *migration.Migration, o *migration.Op, table, column string, goal dataGoal, broad bool) bool {
	if hidesEffects(o) {
		if o.Call != nil && mentions(o.Call.Text, column) {
			return true
		}
		return broad && mentions(string(m.Source), table)
	}
	if o.SQL == nil {
		return false
	}
	selects := regexp.MustCompile(`(?is)\bWHERE\b.*\b` + regexp.QuoteMeta(column) + `\b`)
	if goal == fillsNulls {
		selects = regexp.MustCompile(`(?is)\bWHERE\b.*\b` + regexp.QuoteMeta(column) + `"?\s+IS\s+NULL\b`)
	}
	for _, st := range o.SQL.Statements {
		switch st.Kind {
		case migration.SQLUpdate:
			if strings.EqualFold(st.Table, table) && slices.ContainsFunc(st.SetColumns, func(c string) bool { return strings.EqualFold(c, column) }) {
				return true
			}
		case migration.SQLDelete:
			// every row gone (endurain empties its sessions before narrowing, judged)
			if strings.EqualFold(st.Table, table) && (!reWhere.MatchString(st.Text) || selects.MatchString(st.Text)) {
				return true
			}
		case migration.SQLOther:
			if mentions(st.Text, table) {
				return true
			}
		}
	}
	return false
}
