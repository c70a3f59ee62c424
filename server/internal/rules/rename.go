package rules

import (
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// columnChange is a drop_column or add_column on an existing table.
type columnChange struct {
	op     *migration.Op
	table  string // as written
	key    string // history.TableKey
	column string
	typ    *migration.TypeRef
	// refTable is the table the column's foreign key points to ("" if none).
	refTable string
	// column is the added column's model (nil for drops).
	added *migration.Column
}

// columnChanges collects the drop_column and add_column operations of one
// function that apply to tables existing before the revision. A column's
// foreign key is the one it had when the function started (a drop), or has
// when it ends (an add): keys are often dropped first and created after.
func columnChanges(p *Pass, f *migration.Function, walk func(func(*migration.Op, *history.State))) (drops, adds []columnChange) {
	if f == nil {
		return nil, nil
	}
	start, end := p.Before, p.After()
	if f == p.Migration.Downgrade {
		start, end = p.After(), p.AfterDowngrade()
	}
	walk(func(o *migration.Op, s *history.State) {
		if o.Name != "drop_column" && o.Name != "add_column" {
			return
		}
		table, t := existingTable(p, o, s)
		if t == nil {
			return
		}
		ch := columnChange{op: o, table: table, key: history.TableKey(o, table)}
		if o.Name == "drop_column" {
			col, ok := o.ArgString("column_name")
			if !ok {
				return
			}
			ch.column = col
			if c := t.Column(col); c != nil {
				ch.typ = c.Type
			}
			ch.refTable = refTableOf(start.Table(ch.key), col)
			drops = append(drops, ch)
			return
		}
		c := p.Migration.Column(o, o.Arg("column"))
		if c == nil || !c.NameKnown {
			return
		}
		ch.column, ch.typ, ch.added = c.Name, c.Type, c
		ch.refTable = refTableOf(end.Table(ch.key), c.Name)
		for _, fk := range c.ForeignKeys {
			ch.refTable = fk.RefTable
		}
		adds = append(adds, ch)
	})
	return drops, adds
}

// refTableOf is the table a column's single-column foreign key points to.
func refTableOf(t *history.Table, column string) string {
	if t == nil {
		return ""
	}
	for _, fk := range t.FKs() {
		if len(fk.Columns) == 1 && fk.Columns[0] == column {
			return fk.RefTable
		}
	}
	return ""
}

// renameEvidence grades how much a drop of one column and an add of another
// on the same table look like a rename that autogenerate wrote as drop + add.
type renameEvidence int

const (
	noRename renameEvidence = iota
	// mirroredRename: same type family and the other function undoes it the
	// same way, but the names have nothing in common.
	mirroredRename
	// likelyRename: same type family and related names.
	likelyRename
)

// renamePartner pairs a dropped column with the one added column of the same
// table that looks like its new name (see renameEvidence), when the pairing is
// unambiguous both ways. other is the opposite function (downgrade for upgrade).
func renamePartner(m *migration.Migration, f, other *migration.Function, drops, adds []columnChange, d columnChange) (columnChange, renameEvidence) {
	if _, replaced := sameColumn(adds, d); replaced {
		return columnChange{}, noRename
	}
	candidates := func(list []columnChange, c columnChange, isDrop bool) []columnChange {
		var out []columnChange
		for _, x := range list {
			dd, aa := c, x
			if !isDrop {
				dd, aa = x, c
			}
			if renameGrade(m, f, other, dd, aa, drops, adds) != noRename {
				out = append(out, x)
			}
		}
		return out
	}
	partners := candidates(adds, d, true)
	if len(partners) != 1 || len(candidates(drops, partners[0], false)) != 1 {
		return columnChange{}, noRename
	}
	return partners[0], renameGrade(m, f, other, d, partners[0], drops, adds)
}

// renameGrade judges one (drop, add) pair.
func renameGrade(m *migration.Migration, f, other *migration.Function, d, a columnChange, drops, adds []columnChange) renameEvidence {
	if a.key != d.key || a.column == d.column {
		return noRename
	}
	if _, readded := sameColumn(adds, d); readded {
		return noRename
	}
	if _, redropped := sameColumn(drops, a); redropped {
		return noRename
	}
	if typeFamily(a.typ) == "" || typeFamily(a.typ) != typeFamily(d.typ) {
		return noRename
	}
	if rebuilt(f, d, a) { // ids of another entity, or a structure rebuilt on purpose
		return noRename
	}
	if a.added != nil && ownDefault(a.added) {
		return noRename
	}
	for _, o := range f.Ops {
		// the data is carried over, the new column gets its own values, or the
		// author renames columns by hand in this function
		if mayFill(o, d.table, d.column) || mayFill(o, a.table, a.column) {
			return noRename
		}
		if o.Name == "alter_column" && o.Arg("new_column_name") != nil {
			if t, ok := o.Table(); ok && strings.EqualFold(t, d.table) {
				return noRename
			}
		}
	}
	if namesRelated(d.column, a.column) {
		return likelyRename
	}
	if mirrored(m, other, d, a) {
		return mirroredRename
	}
	return noRename
}

// ownDefault: a NOT NULL column with its own server default is a new column
// (a flag), not an old one under a new name.
func ownDefault(c *migration.Column) bool {
	nullable, known := c.Nullable()
	return c.ServerDefault != nil && known && !nullable
}

// dropsTable reports whether the function drops the table.
func dropsTable(f *migration.Function, table string) bool {
	for _, o := range f.Ops {
		if t, ok := o.Table(); ok && o.Name == "drop_table" && t == table {
			return true
		}
	}
	return false
}

// mirrored reports whether the other function adds the dropped column back
// and drops the added one — the round trip autogenerate writes for a rename —
// and gives neither column values of its own there.
func mirrored(m *migration.Migration, other *migration.Function, d, a columnChange) bool {
	if other == nil {
		return false
	}
	var readds, redrops bool
	for _, o := range other.Ops {
		if mayFill(o, d.table, d.column) || mayFill(o, d.table, a.column) {
			return false
		}
		t, ok := o.Table()
		if !ok || !strings.EqualFold(t, d.table) {
			continue
		}
		switch o.Name {
		case "drop_column":
			col, _ := o.ArgString("column_name")
			redrops = redrops || col == a.column
		case "add_column":
			if c := m.Column(o, o.Arg("column")); c != nil && c.NameKnown && c.Name == d.column {
				if ownDefault(c) {
					return false
				}
				readds = true
			}
		}
	}
	return readds && redrops
}

// genericWords end many unrelated column names (user_id, owner_id).
var genericWords = map[string]bool{"id": true, "at": true, "on": true, "by": true, "is": true, "name": true, "type": true,
	"code": true, "key": true, "count": true, "date": true, "time": true, "value": true, "flag": true, "status": true}

// namesRelated reports whether two column names look like one renamed: one
// contains the other (name -> full_name, track -> tracks), they are a typo
// apart (explaination -> explanation), or they end in the same specific word
// (gets_emails -> receives_emails).
func namesRelated(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) >= 3 && strings.Contains(long, short) {
		return true
	}
	if editDistance(a, b) <= max(1, len(long)/5) {
		return true
	}
	last := func(s string) string { return s[strings.LastIndex(s, "_")+1:] }
	la, lb := strings.TrimSuffix(last(a), "s"), strings.TrimSuffix(last(b), "s")
	return la == lb && len(la) >= 4 && !genericWords[la] && strings.Contains(a, "_") && strings.Contains(b, "_")
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// sameColumn finds a change of the very column c names.
func sameColumn(changes []columnChange, c columnChange) (columnChange, bool) {
	for _, x := range changes {
		if x.key == c.key && x.column == c.column {
			return x, true
		}
	}
	return columnChange{}, false
}
