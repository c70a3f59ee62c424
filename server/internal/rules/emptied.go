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
	candidates := map[string]bool{}
	for _, r := range slices.Concat(rows.empties[key], rows.empties[anyTable]) {
		candidates[r.ID] = true
	}
	if len(candidates) == 0 {
		return ""
	}
	type outcome struct{ empties, fills bool }
	outcomes := map[string]outcome{}
	anyEmpties := false
	for r := range p.laterRevisionsAmong(candidates) {
		empties, fills := downgradeLeaves(p, r.Migration, key, s)
		outcomes[r.ID] = outcome{empties, fills}
		anyEmpties = anyEmpties || empties
	}
	if !anyEmpties {
		return ""
	}
	for _, r := range rows.fills[key] {
		if _, read := outcomes[r.ID]; !read {
			outcomes[r.ID] = outcome{fills: true}
		}
	}
	// a data step the tool cannot read may fill any table, but not one its
	// file never names (the batched data steps between prefect's and
	// pulse-data's emptying downgrades and their adds fill other tables)
	unread := map[string]bool{}
	for _, r := range rows.fills[anyTable] {
		if _, read := outcomes[r.ID]; !read {
			unread[r.ID] = true
		}
	}
	if len(unread) > 0 {
		for r := range p.laterRevisionsAmong(unread) {
			if mentions(string(r.Migration.Source), key[strings.LastIndex(key, ".")+1:]) {
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
