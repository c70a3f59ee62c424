package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// A check that fails only on rows (a NOT NULL column added, a narrowing, an
// enum value removed) in a downgrade() cannot fail coming down from the
// heads when a downgrade above leaves the table empty first: it re-creates a
// table its upgrade dropped, or deletes every row (thoth's cve, gafaelfawr's
// admin: judged false as warnings in rounds 37 and 38). Only a database left
// in between still has rows there.

// emptiedAbove is the nearest revision above p's whose downgrade leaves
// table empty, when every way down from the heads to p's downgrade passes
// one and no downgrade after it may put rows back; else "". s is the schema
// p's check sees, for the foreign keys a TRUNCATE follows.
func emptiedAbove(p *Pass, key string, s *history.State) string {
	key = strings.ToLower(key)
	rows := p.downgradeRows()
	return leftEmptyAbove(p, emptyingWalk{
		candidates: slices.Concat(rows.empties[key], rows.empties[anyTable]),
		fillers:    rows.fills[key],
		unread:     rows.fills[anyTable],
		key:        key,
		leaves:     func(m *migration.Migration) (bool, bool) { return downgradeLeaves(p, m, key, s) },
	})
}

// nulledAbove is emptiedAbove of one column: the nearest revision above p's
// whose downgrade adds the column back with no value in any row (bitcart's
// email_host, re-added by a downgrade above the narrowing: judged false),
// when every way down from the heads passes one and no downgrade after it
// may write the column.
func nulledAbove(p *Pass, key, column string) string {
	key = strings.ToLower(key)
	rows := p.downgradeRows()
	return leftEmptyAbove(p, emptyingWalk{
		candidates: rows.nulls[columnMark(key, column)],
		fillers:    slices.Concat(rows.fills[key], rows.updates[key], rows.updates[columnMark(key, column)]),
		unread:     slices.Concat(rows.fills[anyTable], rows.updates[anyTable]),
		key:        key,
		leaves:     func(m *migration.Migration) (bool, bool) { return downgradeLeavesColumn(m, key, column) },
	})
}

// emptyingWalk is what leftEmptyAbove follows down from the heads: the
// revisions whose downgrades may leave the values empty (read whole, and
// judged by leaves), those that may put values back (by their marks), and
// those whose data steps the tool cannot read, which put values back when
// their file names the table (of key, lower case).
type emptyingWalk struct {
	candidates, fillers, unread []*history.Revision
	key                         string
	leaves                      func(*migration.Migration) (empties, fills bool)
}

// leftEmptyAbove is the nearest revision above p's whose downgrade leaves
// the values w follows empty, when every way down from the heads passes one
// with no downgrade after it that may put values back; else "".
func leftEmptyAbove(p *Pass, w emptyingWalk) string {
	candidates := map[string]bool{}
	for _, r := range w.candidates {
		if p.isAbove(r) {
			candidates[r.ID] = true
		}
	}
	if len(candidates) == 0 {
		return ""
	}
	type outcome struct{ empties, fills bool }
	outcomes := map[string]outcome{}
	anyEmpties := false
	for r := range p.laterRevisionsAmong(candidates) {
		empties, fills := w.leaves(r.Migration)
		outcomes[r.ID] = outcome{empties, fills}
		anyEmpties = anyEmpties || empties
	}
	if !anyEmpties {
		return ""
	}
	for _, r := range w.fillers {
		if _, read := outcomes[r.ID]; !read {
			outcomes[r.ID] = outcome{fills: true}
		}
	}
	// a data step the tool cannot read may fill any table, but not one its
	// file never names (the batched data steps between prefect's and
	// pulse-data's emptying downgrades and their adds fill other tables)
	unread := map[string]bool{}
	for _, r := range w.unread {
		if _, read := outcomes[r.ID]; !read {
			unread[r.ID] = true
		}
	}
	if len(unread) > 0 {
		for r := range p.laterRevisionsAmong(unread) {
			if mentions(string(r.Migration.Source), w.key[strings.LastIndex(w.key, ".")+1:]) {
				outcomes[r.ID] = outcome{fills: true}
			}
		}
	}
	// from the heads, the table may have rows until a downgrade empties it
	reached, empty := p.downFromHeads(func(r *history.Revision, rows bool) bool {
		switch o := outcomes[r.ID]; {
		case o.empties:
			return false
		case o.fills:
			return true
		}
		return rows
	})
	if !reached || !empty {
		return ""
	}
	return p.nearestAbove(func(r *history.Revision) bool { return outcomes[r.ID].empties })
}

// downgradeLeaves reads what m's downgrade() leaves of table key's rows
// (lower case): empties, when it creates the table or deletes every row and
// puts none back (see trackEmptied); fills, when it may put rows in.
func downgradeLeaves(p *Pass, m *migration.Migration, key string, s *history.State) (empties, fills bool) {
	down := m.Downgrade
	if down == nil {
		return false, false
	}
	emptied := map[string]bool{}
	for _, o := range down.Ops {
		if slices.Contains(newTables(p.Names(), m, o), key) {
			emptied[key] = true
		}
		trackEmptied(m, o, s, emptied)
		if mayInsert(m, o, key) {
			delete(emptied, key)
			fills = true
		}
	}
	return emptied[key], fills && !emptied[key]
}

// downgradeLeavesColumn reads what m's downgrade() leaves of a column of
// table key (lower case): empties, when it adds the column back with no
// value in any row and writes none into it after; fills, when it may write
// it (see writesColumn).
func downgradeLeavesColumn(m *migration.Migration, key, column string) (empties, fills bool) {
	if m.Downgrade == nil {
		return false, false
	}
	nulled := false
	for _, o := range m.Downgrade.Ops {
		if k, c, ok := nulledColumn(m, o); ok && k == key && strings.EqualFold(c, column) {
			nulled = true
		}
		if writesColumn(m, o, key, column) {
			nulled, fills = false, true
		}
	}
	return nulled, fills && !nulled
}

// emptiedFirst is the sentence that tells why a check on rows in p's
// downgrade() is a level down, when a downgrade above empties its table
// first (key, named table; s as for emptiedAbove); "" when none does.
func emptiedFirst(p *Pass, key, table string, s *history.State) string {
	by := emptiedAbove(p, key, s)
	if by == "" {
		return ""
	}
	return fmt.Sprintf("From the heads, the downgrade of %s leaves %q empty before this line runs: only a database "+
		"left between this revision and %s has rows here.", by, table, by)
}

// nulledFirst is emptiedFirst of one column: the sentence that tells why a
// check on a column's values in p's downgrade() is a level down, when a
// downgrade above adds it back with no value first; "" when none does.
func nulledFirst(p *Pass, key, table, column string) string {
	by := nulledAbove(p, key, column)
	if by == "" {
		return ""
	}
	return fmt.Sprintf("From the heads, the downgrade of %s adds %q back to %q before this line runs, NULL in every row: "+
		"only a database left between this revision and %s has values here.", by, column, table, by)
}
