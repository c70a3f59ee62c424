package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/stylist"
)

// columnChange is a drop_column or add_column on an existing table.
type columnChange struct {
	op     *migration.Op
	table  string // as written
	key    string // effect.TableKey
	column string
	typ    *migration.TypeRef
	// was is a dropped column's type as the history gives it (declared or by
	// SQL), nil when unknown or uncertain
	was *pgType
	// wasNullable is a dropped column's nullability, when the history knows it
	// (wasKnown).
	wasNullable, wasKnown bool
	// wasDefault is a dropped column's server default, when the history
	// knows it has one
	wasDefault string
	// refTable is the table the column's foreign key points to ("" if none);
	// refUnknown: it has one whose target is not known (computed).
	refTable   string
	refUnknown bool
	// column is the added column's model (nil for drops).
	added *migration.Column
	// generated: the column is computed from an expression (sa.Computed), it
	// holds no values of its own to lose
	generated bool
	// scratch: a drop of a column the function itself added earlier, which
	// held nothing from before the function
	scratch bool
}

// columnChanges collects the drop_column and add_column operations of one
// function that apply to tables existing before the revision. A column's
// foreign key is the one it had when the function started (a drop), or has
// when it ends (an add): keys are often dropped first and created after.
func columnChanges(p *Pass, f *migration.Function, walk func(func(*migration.Op, *history.State))) (drops, adds []columnChange) {
	if f == nil {
		return nil, nil
	}
	start, end := p.Bounds(f == p.Migration.Downgrade)
	added := map[string]bool{} // by colKey(key, column)
	walk(func(o *migration.Op, s *history.State) {
		if o.Name != "drop_column" && o.Name != "add_column" {
			return
		}
		table, t := existingTable(p, o, s)
		if t == nil {
			return
		}
		ch := columnChange{op: o, table: table, key: effect.TableKey(o, table)}
		if o.Name == "drop_column" {
			col, ok := o.ArgString("column_name")
			if !ok {
				return
			}
			ch.column, ch.scratch = col, added[colKey(ch.key, col)]
			if c := t.Column(col); c != nil {
				ch.typ, ch.generated = c.Type, c.Generated
				ch.wasNullable, ch.wasKnown = c.Nullable, c.Known && !c.Uncertain
				if !c.Uncertain && !t.Uncertain {
					ch.was, ch.wasDefault = columnType(s, c), c.Default
				}
			}
			ch.refTable, ch.refUnknown = refTableOf(start.Table(ch.key), col)
			drops = append(drops, ch)
			return
		}
		c := p.Migration.Column(o, o.Arg("column"))
		if c == nil || !c.NameKnown {
			return
		}
		ch.column, ch.typ, ch.added, ch.generated = c.Name, c.Type, c, c.Generated()
		added[colKey(ch.key, c.Name)] = true
		ch.refTable, ch.refUnknown = refTableOf(end.Table(ch.key), c.Name)
		for _, fk := range c.ForeignKeys {
			ch.refTable, ch.refUnknown = fk.RefTable, fk.RefTable == ""
		}
		adds = append(adds, ch)
	})
	return drops, adds
}

// refTableOf is the table a column's single-column foreign key points to,
// and whether it has one whose target is not known.
func refTableOf(t *history.Table, column string) (table string, unknown bool) {
	if t == nil {
		return "", false
	}
	for _, fk := range t.FKs() {
		if len(fk.Columns) == 1 && fk.Columns[0] == column {
			return fk.RefTable, fk.RefTable == ""
		}
	}
	return "", false
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

// renames pairs the dropped and added columns of one function (see
// renameEvidence). What judging a pair needs from the function and its
// opposite is read once: judging each pair by walking them again, for each
// added column, made a function of 80 drops and adds take half a minute.
type renames struct {
	m           *migration.Migration
	drops, adds []columnChange
	// dropped and added index the changes by colKey(key, column): the first one
	dropped, added map[string]int
	fills          *fills          // what f may write
	otherFills     *fills          // what the opposite function may write
	handRenamed    map[string]bool // tables (lower-case) f renames a column of with alter_column
	droppedTables  map[string]bool // tables f drops
	selects        []string        // the SELECTs f runs: values read into Python are carried over there
	downgrade      bool            // f is the downgrade, the opposite its upgrade
	// what the opposite function adds and drops, by colKey(lower-case table, column)
	readds, readdsOwnDefault, redrops map[string]bool
	// memos
	partners  map[int]partnerChoice // by drop
	bestDrops map[int]int           // by add: the drop it may pair with (bestDrop)
	byAdd     map[*migration.Op]renamedColumn
}

type partnerChoice struct {
	add      int // index into adds
	evidence renameEvidence
}

func colKey(table, column string) string { return table + "\x00" + column }

func newRenames(m *migration.Migration, f, other *migration.Function, drops, adds []columnChange) *renames {
	r := &renames{m: m, drops: drops, adds: adds, dropped: map[string]int{}, added: map[string]int{}, fills: newFills(),
		otherFills: newFills(), handRenamed: map[string]bool{}, droppedTables: map[string]bool{}, readds: map[string]bool{},
		readdsOwnDefault: map[string]bool{}, redrops: map[string]bool{}, partners: map[int]partnerChoice{}, bestDrops: map[int]int{},
		downgrade: f != nil && f == m.Downgrade}
	for i := len(drops) - 1; i >= 0; i-- {
		r.dropped[colKey(drops[i].key, drops[i].column)] = i
	}
	for i := len(adds) - 1; i >= 0; i-- {
		r.added[colKey(adds[i].key, adds[i].column)] = i
	}
	if f != nil {
		r.fills = newFills(f.Ops...)
		for _, o := range f.Ops {
			if o.SQL != nil && o.SQL.Known {
				for _, st := range o.SQL.Statements {
					if st.Kind == migration.SQLSelect {
						r.selects = append(r.selects, st.Text)
					}
				}
			}
			t, ok := o.Table()
			switch {
			case !ok:
			case o.Name == "alter_column" && o.Arg("new_column_name") != nil:
				r.handRenamed[strings.ToLower(t)] = true
			case o.Name == "drop_table":
				r.droppedTables[t] = true
			}
		}
	}
	if other != nil {
		r.otherFills = newFills(other.Ops...)
		for _, o := range other.Ops {
			t, ok := o.Table()
			if !ok {
				continue
			}
			switch o.Name {
			case "drop_column":
				col, _ := o.ArgString("column_name")
				r.redrops[colKey(strings.ToLower(t), col)] = true
			case "add_column":
				if c := m.Column(o, o.Arg("column")); c != nil && c.NameKnown {
					r.readds[colKey(strings.ToLower(t), c.Name)] = true
					r.readdsOwnDefault[colKey(strings.ToLower(t), c.Name)] = r.readdsOwnDefault[colKey(strings.ToLower(t), c.Name)] || ownDefault(c)
				}
			}
		}
	}
	return r
}

// replacement is the add of the very column d drops, if any. A scratch
// column added and dropped again is replaced by nothing.
func (r *renames) replacement(d columnChange) (columnChange, bool) {
	if i, ok := r.added[colKey(d.key, d.column)]; ok && !d.scratch {
		return r.adds[i], true
	}
	return columnChange{}, false
}

// copiesData reports whether some operation of the function may carry the
// dropped column's data over (an UPDATE naming it, hidden effects...).
func (r *renames) copiesData(d columnChange) bool {
	return r.fills.may(d.table, d.column) || slices.ContainsFunc(r.selects, func(text string) bool {
		// storages' downgrade reads label and url, then writes them back joined (judged)
		return namedIn([]string{text}, pysyntax.LastName(d.table)) && namedIn([]string{text}, d.column)
	})
}

// rebuilt reports whether a column comes back pointing elsewhere: its foreign
// key changes table, or the table it pointed to is dropped in the same
// function. Its values would be ids of another entity, so losing them is the
// point. A key whose target is computed (ckan's ForeignKey(t.replace(...)) in
// a loop) may be either: the pair is not judged.
func (r *renames) rebuilt(d, a columnChange) bool {
	return a.refTable != d.refTable || d.refTable != "" && r.droppedTables[d.refTable] || d.refUnknown || a.refUnknown
}

// partner pairs a dropped column with the one added column of the same table
// that looks like its new name, when the pairing is unambiguous both ways.
func (r *renames) partner(d int) (columnChange, renameEvidence) {
	c, done := r.partners[d]
	if !done {
		c = partnerChoice{add: -1}
		if _, replaced := r.replacement(r.drops[d]); !replaced {
			c.add = bestOf(len(r.adds), func(a int) renameEvidence { return r.grade(d, a) })
		}
		if c.add >= 0 && r.bestDrop(c.add) == d {
			c.evidence = r.grade(d, c.add)
		}
		r.partners[d] = c
	}
	if c.evidence == noRename {
		return columnChange{}, noRename
	}
	return r.adds[c.add], c.evidence
}

// bestDrop is the one dropped column an added one may pair with (bestOf), or
// -1.
func (r *renames) bestDrop(a int) int {
	d, done := r.bestDrops[a]
	if !done {
		d = bestOf(len(r.drops), func(d int) renameEvidence { return r.grade(d, a) })
		r.bestDrops[a] = d
	}
	return d
}

// bestOf is the one candidate of n that grade ranks a rename, or, among
// several, the one whose names are related when the others are renames only
// by their mirror in the other function (autogenerate mirrors every pair: a
// downgrade that adds "packages" and drops "references" says nothing of which
// pair is a rename, ubuntu-com-security-api's release_packages does); -1 when
// there is none or the choice is ambiguous.
func bestOf(n int, grade func(int) renameEvidence) int {
	best, likely, candidates, likelyOnes := -1, -1, 0, 0
	for i := range n {
		switch grade(i) {
		case noRename:
			continue
		case likelyRename:
			likely = i
			likelyOnes++
		}
		best = i
		candidates++
	}
	switch {
	case candidates == 1:
		return best
	case likelyOnes == 1:
		return likely
	}
	return -1
}

// renamedColumn is a dropped column an add_column renames, and the evidence.
type renamedColumn struct {
	drop     *columnChange
	evidence renameEvidence
	// replaces is the drop, earlier in the function, of the column the
	// add_column adds again under its name (see replacedBy)
	replaces *columnChange
}

// renamedBy is the dropped column an add_column operation renames (nil drop
// when none).
func (r *renames) renamedBy(o *migration.Op) renamedColumn {
	if r.byAdd == nil {
		r.byAdd = map[*migration.Op]renamedColumn{}
		for d := range r.drops {
			if a, ev := r.partner(d); ev != noRename {
				r.byAdd[a.op] = renamedColumn{drop: &r.drops[d], evidence: ev}
			}
		}
	}
	return r.byAdd[o]
}

// replacedBy is the drop, earlier in the function, of the column an
// add_column operation adds again under the same name (h retypes a key this
// way): nil when there is none.
func (r *renames) replacedBy(o *migration.Op) *columnChange {
	for _, a := range r.adds {
		if a.op != o {
			continue
		}
		if d, ok := r.dropped[colKey(a.key, a.column)]; ok && r.drops[d].op.Call.Span.Start < o.Call.Span.Start {
			return &r.drops[d]
		}
	}
	return nil
}

// grade judges one (drop, add) pair.
func (r *renames) grade(di, ai int) renameEvidence {
	d, a := r.drops[di], r.adds[ai]
	if a.key != d.key || a.column == d.column {
		return noRename
	}
	if _, readded := r.added[colKey(d.key, d.column)]; readded {
		return noRename
	}
	if _, redropped := r.dropped[colKey(a.key, a.column)]; redropped {
		return noRename
	}
	if typeFamily(a.typ) == "" || typeFamily(a.typ) != typeFamily(d.typ) {
		return noRename
	}
	if r.rebuilt(d, a) { // ids of another entity, or a structure rebuilt on purpose
		return noRename
	}
	if r.undoesAdd(d, a) || r.undoesReplacement(d, a) {
		return noRename
	}
	if a.added != nil && ownDefault(a.added) {
		return noRename
	}
	// the data is carried over, the new column gets its own values, or the
	// author renames columns by hand in this function
	if r.copiesData(d) || r.fills.may(a.table, a.column) || r.handRenamed[strings.ToLower(d.table)] {
		return noRename
	}
	if namesRelated(d.column, a.column) {
		return likelyRename
	}
	if r.mirrored(d, a) {
		return mirroredRename
	}
	return noRename
}

// undoesAdd reports whether a downgrade's drop is the plain inverse of its
// upgrade's add of that column: the upgrade renamed nothing into it, as it
// did not drop the column the downgrade adds.
func (r *renames) undoesAdd(d, a columnChange) bool {
	t := strings.ToLower(d.table)
	return r.downgrade && r.readds[colKey(t, d.column)] && !r.redrops[colKey(t, a.column)]
}

// undoesReplacement reports whether a downgrade undoes an upgrade that
// replaced the column it re-adds: the upgrade's UPDATE gave the column it
// drops values of its own, not taken from the one it drops (onyx's filter, set
// to TRUE for every row, in place of apply_filter), and nothing hid what else
// it wrote. Renaming it back would be wrong.
func (r *renames) undoesReplacement(d, a columnChange) bool {
	o := r.otherFills
	return r.downgrade && !o.any && o.updatesName(d.table, d.column) && !o.updatesName(a.table, a.column)
}

// ownDefault: a NOT NULL column with its own server default is a new column
// (a flag), not an old one under a new name.
func ownDefault(c *migration.Column) bool {
	nullable, known := c.Nullable()
	return c.ServerDefault != nil && known && !nullable
}

// mirrored reports whether the opposite function adds the dropped column back
// and drops the added one — the round trip autogenerate writes for a rename —
// and gives neither column values of its own there.
func (r *renames) mirrored(d, a columnChange) bool {
	t := strings.ToLower(d.table)
	if r.otherFills.may(d.table, d.column) || r.otherFills.may(d.table, a.column) || r.readdsOwnDefault[colKey(t, d.column)] {
		return false
	}
	return r.readds[colKey(t, d.column)] && r.redrops[colKey(t, a.column)]
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

// renameInPlace is the alter_column call that renames d's column in place to
// a's name, with the type the add gives when it is written otherwise than
// the drop's (sbc-pay's String(200) replaced by a String(500): a bare rename
// keeps the old length, judged), where PostgreSQL converts the values by
// itself.
func renameInPlace(p *Pass, d, a columnChange) string {
	st := p.Style()
	restated := restatedColumn(p, d)
	retyped := ""
	from, to := pgTypeOf(d.typ), pgTypeOf(a.typ)
	// sa.String(100) and autogenerate's sa.VARCHAR(length=100) are one type
	differ := from != nil && to != nil && from.cast != to.cast || (from == nil || to == nil) && !sameType(d, a)
	converts := !p.IsPostgres() || d.was != nil && to != nil && castBetween(d.was, to) == automaticCast
	if d.typ != nil && d.typ.Expr != nil && a.typ != nil && a.typ.Expr != nil && differ && converts {
		retyped = ", type_=" + brief.Code(a.typ.Expr.Text, brief.Snippet)
		if restated == "" { // MySQL's restatement names it
			retyped += ", existing_type=" + brief.Code(d.typ.Expr.Text, brief.Snippet)
		}
	}
	if a.added != nil && d.wasKnown && !d.wasNullable {
		if nullable, known := a.added.Nullable(); known && nullable {
			// the rename keeps NOT NULL, which the added column had dropped (security_monkey's issue_text, judged)
			retyped += ", nullable=True"
		}
	}
	if b := d.op.Batch; b != nil && b.Op != nil {
		// in the drop's batch block: on SQLite only the block renames (Mailu's, judged)
		return fmt.Sprintf("%s.alter_column(%s, new_column_name=%s%s%s)%s", b.Receiver(), st.Quote(d.column), st.Quote(a.column),
			retyped, restated, restatedNote(restated))
	}
	return fmt.Sprintf("%s.alter_column(%s, %s, new_column_name=%s%s%s%s)%s", st.Spell(stylist.Op), st.Quote(d.table), st.Quote(d.column),
		st.Quote(a.column), retyped, restated, writtenSchema(d.op), restatedNote(restated))
}
