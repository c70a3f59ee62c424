package rules

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
)

// emptiedAbove reads the downgrades above a revision. Reading every revision
// above whole for each check it serves made a cold check of 3,000 revisions
// four times slower, so the headers keep two marks: the tables each
// downgrade may empty and those it may fill (anyTable for what the tool
// cannot tell). Only the revisions whose marks say they may empty the table
// are read whole.

// The mark families of the tables (lower-case keys) whose rows a
// downgrade() may leave empty, or may put rows in.
const (
	downgradeEmptiesMarks = "downgrade empties"
	downgradeFillsMarks   = "downgrade fills"
	anyTable              = "*"
)

func init() {
	migration.RegisterMarkFamily(downgradeEmptiesMarks, downgradeEmpties)
	migration.RegisterMarkFamily(downgradeFillsMarks, func(m *migration.Migration) []string {
		if m.Downgrade == nil {
			return nil
		}
		tables := map[string]bool{}
		for _, o := range m.Downgrade.Ops {
			for _, t := range insertsInto(m, o) {
				tables[t] = true
			}
		}
		return slices.Sorted(maps.Keys(tables))
	})
}

// downgradeEmpties lists the tables m's downgrade() may leave empty (before
// any insert puts rows back): those it creates and those it deletes every
// row of (trackEmptied), anyTable when a TRUNCATE ... CASCADE reaches
// tables only the schema tells.
func downgradeEmpties(m *migration.Migration) []string {
	if m.Downgrade == nil {
		return nil
	}
	tables := map[string]bool{}
	for _, o := range m.Downgrade.Ops {
		for _, t := range newTables(naming.Namer{}, m, o) {
			tables[t] = true
		}
		one := map[string]bool{}
		trackEmptied(m, o, nil, one)
		maps.Copy(tables, one)
		if slices.ContainsFunc(certainStatements(o), func(st migration.Statement) bool {
			return st.Kind == migration.SQLTruncate && st.Cascade
		}) {
			tables[anyTable] = true
		}
	}
	return slices.Sorted(maps.Keys(tables))
}

// newTables are the tables (keys, lower case) o certainly creates, with no
// rows.
func newTables(names naming.Namer, m *migration.Migration, o *migration.Op) []string {
	if !o.Certain() {
		return nil
	}
	var out []string
	for _, e := range effect.Of(names, m, o) {
		if e.Object == effect.Table && e.Change == effect.Create && !e.IfMissing && !e.Temporary {
			out = append(out, strings.ToLower(e.Key()))
		}
	}
	return out
}

// downgradeRows indexes the revisions of a run by the tables their
// downgrade() may empty or fill (their marks), computed once a run.
type downgradeRows struct {
	once           sync.Once
	empties, fills map[string][]*history.Revision // by table key, anyTable
}

// downgradeRows is the run's index of downgrades by the rows they change.
func (m *runMemo) downgradeRows() *downgradeRows {
	m.rows.once.Do(func() {
		m.mu.Lock() // a stream changes the models of the revisions under it
		defer m.mu.Unlock()
		m.rows.empties, m.rows.fills = map[string][]*history.Revision{}, map[string][]*history.Revision{}
		for _, r := range m.graph.Order {
			if r.Migration == nil {
				continue
			}
			for _, t := range r.Migration.MarkValues(downgradeEmptiesMarks) {
				m.rows.empties[t] = append(m.rows.empties[t], r)
			}
			for _, t := range r.Migration.MarkValues(downgradeFillsMarks) {
				m.rows.fills[t] = append(m.rows.fills[t], r)
			}
		}
	})
	return &m.rows
}
