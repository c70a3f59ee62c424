package synth

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// change is one logical schema change: its upgrade ops and the downgrade
// ops that undo them (in execution order).
type change struct {
	msg      string
	up, down []*op
}

// kindFn builds a change on t, or on a table it picks when t is nil. It
// returns nil, without touching the schema, when the change is not possible.
type kindFn func(g *gen, t *table) *change

var alterKinds = []struct {
	weight int
	f      kindFn
}{
	{22, (*gen).chAddColumn},
	{6, (*gen).chDropColumn},
	{10, (*gen).chCreateIndex},
	{3, (*gen).chDropIndex},
	{8, (*gen).chAddForeignKey},
	{2, (*gen).chDropForeignKey},
	{6, (*gen).chUnique},
	{2, (*gen).chDropUnique},
	{7, (*gen).chAlterLength},
	{5, (*gen).chRename},
	{6, (*gen).chBackfill},
	{4, (*gen).chServerDefault},
}

var alterTotal = func() int {
	n := 0
	for _, k := range alterKinds {
		n += k.weight
	}
	return n
}()

func (g *gen) pickKind() kindFn {
	x := g.r.IntN(alterTotal)
	for _, k := range alterKinds {
		if x < k.weight {
			return k.f
		}
		x -= k.weight
	}
	panic("unreachable")
}

// anyChange returns a random valid change for the current side.
func (g *gen) anyChange() *change {
	for range 10 {
		if g.r.IntN(100) < 18 {
			return g.chCreateTable(false)
		}
		if c := g.pickKind()(g, nil); c != nil {
			return c
		}
	}
	return g.chCreateTable(false)
}

// tableChange returns a random valid change on t.
func (g *gen) tableChange(t *table) *change {
	for range 10 {
		if c := g.pickKind()(g, t); c != nil {
			return c
		}
	}
	return g.chAddColumn(t)
}

// target returns t if it satisfies ok, or picks a table satisfying ok if t
// is nil.
func (g *gen) target(t *table, ok func(*table) bool) *table {
	if t == nil {
		return g.pickTable(ok)
	}
	if ok == nil || ok(t) {
		return t
	}
	return nil
}

func (g *gen) pick(words []string) string { return words[g.r.IntN(len(words))] }

func (g *gen) newTableName() string {
	for range 40 {
		var name string
		if g.r.IntN(3) == 0 || len(g.tables) < 30 {
			name = g.pick(tableNouns)
		} else {
			name = g.pick(tablePrefixes) + "_" + g.pick(tableNouns)
		}
		if !g.names[name] && !g.names[name+"_pkey"] && !g.names[name+"_id_seq"] {
			return name
		}
	}
	for {
		g.tableSeq++
		name := g.pick(tableNouns) + "_" + strconv.Itoa(g.tableSeq+1)
		if !g.names[name] && !g.names[name+"_pkey"] && !g.names[name+"_id_seq"] {
			return name
		}
	}
}

var stringLengths = []int{32, 50, 64, 100, 120, 128, 200, 255, 256, 320, 500, 512, 1000, 1024, 2048}

// newColumn returns a fresh non-key column for t (not yet added to t).
func (g *gen) newColumn(t *table, enumOK bool) *column {
	c := &column{nullable: true}
	var pool []string
	switch x := g.r.IntN(100); {
	case x < 30:
		c.kind, pool = kString, stringCols
		c.length = stringLengths[g.r.IntN(9)]
	case x < 42:
		c.kind, pool = kBool, boolCols
		if g.r.IntN(3) == 0 {
			c.serverDefault = "false"
		}
	case x < 53:
		c.kind, pool = kDateTime, dateCols
		c.tz = g.r.IntN(3) == 0
	case x < 64:
		c.kind, pool = kInt, intCols
		if g.r.IntN(10) == 0 {
			c.serverDefault = "0"
		}
	case x < 72:
		c.kind, pool = kNumeric, numericCols
		c.prec, c.scale = []int{10, 12, 18}[g.r.IntN(3)], []int{2, 4}[g.r.IntN(2)]
	case x < 82:
		c.kind, pool = kText, textCols
	case x < 89:
		c.kind, pool = kJSONB, jsonCols
	case x < 94:
		c.kind, pool = kUUID, uuidCols
	default:
		if !enumOK {
			c.kind, pool = kString, stringCols
			c.length = 255
			break
		}
		c.kind, pool = kEnum, enumColNames
		c.enumVals = enumValueSets[g.r.IntN(len(enumValueSets))]
	}
	c.name = g.colName(t, pool)
	if c.kind == kEnum {
		c.enumName = g.reserveVariant(singular(t.name) + strings.ReplaceAll(c.name, "_", ""))
	}
	return c
}

// colName picks an unused column name for t from pool.
func (g *gen) colName(t *table, pool []string) string {
	for range 6 {
		if n := g.pick(pool); t.col(n) == nil {
			return n
		}
	}
	return t.freeColName(g.pick(pool))
}

// ---- create_table ----

func (g *gen) chCreateTable(forceIndex bool) *change {
	s := g.s
	t := &table{name: g.newTableName(), side: g.side}
	g.reserve(t.name)
	g.reserve(t.name + "_pkey")
	g.reserve(t.name + "_id_seq")

	pk := &column{name: "id", kind: kInt, pk: true}
	switch x := g.r.IntN(100); {
	case x < 10:
		pk.kind = kBigInt
	case x < 15:
		pk.kind = kUUID
	}
	t.pk = pk
	t.cols = append(t.cols, pk)

	nattr := 2 + g.r.IntN(5)
	if g.r.IntN(15) == 0 {
		nattr = 8 + g.r.IntN(8)
	}
	for range nattr {
		c := g.newColumn(t, false)
		c.nullable = g.r.IntN(2) == 0
		t.cols = append(t.cols, c)
	}

	// Foreign keys to tables this side can see.
	type inlineFK struct {
		col      *column
		ref      *table
		ondelete string
	}
	var fks []inlineFK
	nfk := 0
	switch x := g.r.IntN(100); {
	case x < 45:
		nfk = 1
	case x < 60:
		nfk = 2
	}
	for range nfk {
		ref := g.pickRef(nil)
		if ref == nil {
			break
		}
		name := singular(ref.name) + "_id"
		if t.col(name) != nil || g.names[t.name+"_"+name+"_fkey"] {
			continue
		}
		c := &column{name: name, kind: ref.pk.kind, nullable: g.r.IntN(3) != 0, fk: true, deps: 1}
		g.reserve(t.name + "_" + name + "_fkey")
		t.cols = append(t.cols, c)
		fk := inlineFK{col: c, ref: ref}
		if g.r.IntN(4) == 0 {
			fk.ondelete = "CASCADE"
		}
		fks = append(fks, fk)
	}

	var enum *column
	if g.r.IntN(100) < 15 {
		enum = &column{kind: kEnum, nullable: false}
		enum.name = g.colName(t, enumColNames)
		enum.enumVals = enumValueSets[g.r.IntN(len(enumValueSets))]
		enum.enumName = g.reserveVariant(singular(t.name) + strings.ReplaceAll(enum.name, "_", ""))
		t.cols = append(t.cols, enum)
	}
	if g.r.IntN(10) < 7 && t.col("created_at") == nil {
		t.cols = append(t.cols, &column{name: "created_at", kind: kDateTime, serverDefault: "now()"})
		if g.r.IntN(2) == 0 && t.col("updated_at") == nil {
			t.cols = append(t.cols, &column{name: "updated_at", kind: kDateTime, nullable: true})
		}
	}

	// An inline unique constraint, sometimes.
	var uq *column
	if g.r.IntN(5) == 0 {
		uq = g.pickCol(t, func(c *column) bool {
			return c.kind == kString && c.deps == 0 && !g.names[t.name+"_"+c.name+"_key"]
		})
		if uq != nil {
			g.reserve(t.name + "_" + uq.name + "_key")
			uq.unique = true
			uq.deps++
		}
	}

	elems := make([]expr, 0, len(t.cols)+len(fks)+2)
	for _, c := range t.cols {
		elems = append(elems, modelColumn(s, c))
	}
	for _, fk := range fks {
		args := []expr{lit(s.list(fk.col.name)), lit(s.list(fk.ref.name + ".id"))}
		if fk.ondelete != "" {
			args = append(args, kw("ondelete", lit(s.str(fk.ondelete))))
		}
		elems = append(elems, fn("sa.ForeignKeyConstraint", args...))
	}
	elems = append(elems, fn("sa.PrimaryKeyConstraint", lit(s.str("id"))))
	if uq != nil {
		elems = append(elems, fn("sa.UniqueConstraint", lit(s.str(uq.name))))
	}
	ch := &change{msg: g.pick([]string{"create %s table", "add %s table", "create table %s", "add %s"})}
	ch.msg = fmt.Sprintf(ch.msg, t.name)
	ch.up = append(ch.up, opCreateTable(s, t.name, elems))

	// Indexes, as autogenerate emits them right after the table.
	nidx := 0
	switch x := g.r.IntN(100); {
	case x < 35:
		nidx = 1
	case x < 50:
		nidx = 2
	}
	if forceIndex && nidx == 0 {
		nidx = 1
	}
	var idxs []*index
	for range nidx {
		c := g.pickCol(t, func(c *column) bool { return indexable(c) && !g.names["ix_"+t.name+"_"+c.name] })
		if c == nil {
			break
		}
		ix := &index{name: "ix_" + t.name + "_" + c.name, col: c,
			unique: c.kind == kString && !c.unique && g.r.IntN(4) == 0}
		g.reserve(ix.name)
		c.indexed = true
		c.deps++
		t.indexes = append(t.indexes, ix)
		idxs = append(idxs, ix)
		ch.up = append(ch.up, opCreateIndex(s, t.name, ix.name, []string{c.name}, ix.unique))
	}
	for i := len(idxs) - 1; i >= 0; i-- {
		ch.down = append(ch.down, opDropIndex(s, t.name, idxs[i].name))
	}
	ch.down = append(ch.down, opDropTable(s, t.name))
	if enum != nil {
		ch.down = append(ch.down, opDropEnum(s, enum.enumName))
	}
	g.tables = append(g.tables, t)
	return ch
}

func indexable(c *column) bool {
	return !c.pk && !c.indexed && c.kind != kText && c.kind != kJSONB
}

// pickRef returns a table the current side may reference, or nil.
func (g *gen) pickRef(prefer *table) *table {
	n := 0
	for _, t := range g.tables {
		if g.referenceable(t) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	if prefer != nil && g.r.IntN(8) == 0 {
		return prefer
	}
	k := g.r.IntN(n)
	if n > 20 && g.r.IntN(2) == 0 {
		k = n - 1 - g.r.IntN(20) // mostly recent models
	}
	for _, t := range g.tables {
		if g.referenceable(t) {
			if k == 0 {
				return t
			}
			k--
		}
	}
	return nil
}

// ---- columns ----

func (g *gen) chAddColumn(t *table) *change {
	t = g.target(t, nil)
	if t == nil {
		return nil
	}
	s := g.s
	ch := &change{}
	n := 1
	if g.r.IntN(4) == 0 {
		n = 2 + g.r.IntN(2)
	}
	var added []*column
	for range n {
		c := g.newColumn(t, false)
		c.nullable = true
		t.cols = append(t.cols, c)
		added = append(added, c)
		ch.up = append(ch.up, opAddColumn(s, t.name, modelColumn(s, c)))
	}
	for i := len(added) - 1; i >= 0; i-- {
		ch.down = append(ch.down, opDropColumn(s, t.name, added[i].name))
	}
	if n == 1 {
		ch.msg = g.pick([]string{"add %[2]s to %[1]s", "add %[1]s.%[2]s", "add %[2]s column to %[1]s"})
		ch.msg = fmt.Sprintf(ch.msg, t.name, added[0].name)
	} else {
		ch.msg = "add columns to " + t.name
	}
	return ch
}

func droppable(c *column) bool {
	return !c.pk && !c.fk && c.deps == 0 && c.kind != kEnum
}

func (g *gen) chDropColumn(t *table) *change {
	t = g.target(t, hasCol(droppable))
	if t == nil {
		return nil
	}
	s := g.s
	c := g.pickCol(t, droppable)
	ch := &change{
		msg:  fmt.Sprintf(g.pick([]string{"drop %[1]s.%[2]s", "remove %[2]s from %[1]s"}), t.name, c.name),
		up:   []*op{opDropColumn(s, t.name, c.name)},
		down: []*op{opAddColumn(s, t.name, reflectedColumn(s, c, true))},
	}
	t.removeCol(c)
	return ch
}

func (g *gen) chRename(t *table) *change {
	ok := func(c *column) bool { return !c.pk }
	t = g.target(t, hasCol(ok))
	if t == nil {
		return nil
	}
	s := g.s
	c := g.pickCol(t, ok)
	var pool []string
	switch c.kind {
	case kString:
		pool = stringCols
	case kText:
		pool = textCols
	case kBool:
		pool = boolCols
	case kDateTime:
		pool = dateCols
	case kInt, kBigInt:
		pool = intCols
	case kNumeric:
		pool = numericCols
	case kJSONB:
		pool = jsonCols
	case kUUID:
		pool = uuidCols
	default:
		pool = enumColNames
	}
	if c.fk {
		pool = []string{"owner_" + c.name, "primary_" + c.name, "source_" + c.name}
	}
	newName := ""
	for range 6 {
		if n := g.pick(pool); t.col(n) == nil {
			newName = n
			break
		}
	}
	if newName == "" {
		newName = t.freeColName(c.name + g.pick(renameSuffixes))
	}
	if len(newName) > maxIdent {
		return nil
	}
	typ := reflectedType(s, c)
	kws := func(to string) []expr {
		out := []expr{kw("new_column_name", lit(s.str(to)))}
		out = append(out, existing(s, c, typ)...)
		return append(out, kw("existing_nullable", lit(pyBool(c.nullable))))
	}
	ch := &change{
		msg:  fmt.Sprintf("rename %s.%s to %s", t.name, c.name, newName),
		up:   []*op{opAlterColumn(s, t.name, c.name, kws(newName)...)},
		down: []*op{opAlterColumn(s, t.name, newName, kws(c.name)...)},
	}
	c.name = newName
	return ch
}

func (g *gen) chAlterLength(t *table) *change {
	ok := func(c *column) bool { return c.kind == kString && c.length < stringLengths[len(stringLengths)-1] }
	t = g.target(t, hasCol(ok))
	if t == nil {
		return nil
	}
	s := g.s
	c := g.pickCol(t, ok)
	i := slices.Index(stringLengths, c.length)
	to := stringLengths[i+1+g.r.IntN(min(3, len(stringLengths)-i-1))]
	nullable := kw("existing_nullable", lit(pyBool(c.nullable)))
	oldType := reflectedType(s, c) // sa.VARCHAR(length=old)
	c.length = to
	newType := modelType(s, c) // sa.String(length=to)
	up := append([]expr{kw("existing_type", oldType), kw("type_", newType)}, existingDefault(s, c)...)
	down := append([]expr{kw("existing_type", newType), kw("type_", oldType)}, existingDefault(s, c)...)
	return &change{
		msg:  fmt.Sprintf("increase %s.%s length to %d", t.name, c.name, to),
		up:   []*op{opAlterColumn(s, t.name, c.name, append(up, nullable)...)},
		down: []*op{opAlterColumn(s, t.name, c.name, append(down, nullable)...)},
	}
}

func existingDefault(s style, c *column) []expr {
	if c.serverDefault == "" {
		return nil
	}
	return []expr{kw("existing_server_default", serverDefault(s, c))}
}

// backfillValue is the SQL literal used to fill NULLs before NOT NULL.
func backfillValue(c *column) string {
	switch c.kind {
	case kString:
		return "'unknown'"
	case kText:
		return "''"
	case kBool:
		return "false"
	case kInt, kBigInt, kNumeric:
		return "0"
	case kDateTime:
		return "now()"
	case kEnum:
		return "'" + c.enumVals[0] + "'"
	}
	return ""
}

func (g *gen) chBackfill(t *table) *change {
	ok := func(c *column) bool { return c.nullable && !c.pk && !c.fk && backfillValue(c) != "" }
	t = g.target(t, hasCol(ok))
	if t == nil {
		return nil
	}
	s := g.s
	c := g.pickCol(t, ok)
	typ := reflectedType(s, c)
	sql := fmt.Sprintf("UPDATE %s SET %s = %s WHERE %s IS NULL", t.name, c.name, backfillValue(c), c.name)
	ch := &change{
		msg: fmt.Sprintf(g.pick([]string{"make %[1]s.%[2]s not nullable", "backfill %[1]s.%[2]s", "%[1]s.%[2]s not null"}), t.name, c.name),
		up: []*op{
			opExecute(s, sql),
			opAlterColumn(s, t.name, c.name, append(existing(s, c, typ), kw("nullable", lit("False")))...),
		},
		down: []*op{
			opAlterColumn(s, t.name, c.name, append(existing(s, c, typ), kw("nullable", lit("True")))...),
		},
	}
	c.nullable = false
	return ch
}

func (g *gen) chServerDefault(t *table) *change {
	ok := func(c *column) bool {
		return (c.kind == kBool || c.kind == kInt) && c.serverDefault == "" && !c.pk && !c.fk
	}
	t = g.target(t, hasCol(ok))
	if t == nil {
		return nil
	}
	s := g.s
	c := g.pickCol(t, ok)
	def := "false"
	if c.kind == kInt {
		def = "0"
	}
	typ := reflectedType(s, c)
	nullable := kw("existing_nullable", lit(pyBool(c.nullable)))
	ch := &change{
		msg: fmt.Sprintf("set default for %s.%s", t.name, c.name),
		up: []*op{opAlterColumn(s, t.name, c.name, kw("existing_type", typ),
			kw("server_default", fn("sa.text", lit(s.str(def)))), nullable)},
		down: []*op{opAlterColumn(s, t.name, c.name, kw("existing_type", typ),
			kw("server_default", lit("None")), nullable)},
	}
	c.serverDefault = def
	return ch
}

// ---- indexes and constraints ----

func (g *gen) chCreateIndex(t *table) *change {
	t = g.target(t, hasCol(indexable))
	if t == nil {
		return nil
	}
	s := g.s
	c := g.pickCol(t, indexable)
	name := "ix_" + t.name + "_" + c.name
	if !g.reserve(name) {
		return nil
	}
	ix := &index{name: name, col: c, unique: (c.kind == kString || c.kind == kUUID) && !c.unique && g.r.IntN(6) == 0}
	c.indexed = true
	c.deps++
	t.indexes = append(t.indexes, ix)
	return &change{
		msg:  fmt.Sprintf(g.pick([]string{"add index on %[1]s.%[2]s", "index %[1]s %[2]s"}), t.name, c.name),
		up:   []*op{opCreateIndex(s, t.name, name, []string{c.name}, ix.unique)},
		down: []*op{opDropIndex(s, t.name, name)},
	}
}

func (g *gen) chDropIndex(t *table) *change {
	t = g.target(t, func(t *table) bool { return len(t.indexes) > 0 })
	if t == nil {
		return nil
	}
	s := g.s
	i := g.r.IntN(len(t.indexes))
	ix := t.indexes[i]
	t.indexes = slices.Delete(t.indexes, i, i+1)
	ix.col.indexed = false
	ix.col.deps--
	return &change{
		msg:  fmt.Sprintf("drop index %s", ix.name),
		up:   []*op{opDropIndex(s, t.name, ix.name)},
		down: []*op{opCreateIndex(s, t.name, ix.name, []string{ix.col.name}, ix.unique)},
	}
}

func (g *gen) chAddForeignKey(t *table) *change {
	t = g.target(t, nil)
	if t == nil {
		return nil
	}
	ref := g.pickRef(t)
	if ref == nil {
		return nil
	}
	s := g.s
	var name string
	stem := singular(ref.name) + "_id"
	if ref == t {
		stem = "parent_id"
	}
	for _, p := range []string{"", "owner_", "primary_", "default_", "source_", "target_"} {
		if t.col(p+stem) == nil {
			name = p + stem
			break
		}
	}
	if name == "" {
		return nil
	}
	fkName := "fk_" + t.name + "_" + name + "_" + ref.name
	if !g.reserve(fkName) {
		fkName = g.reserveVariant("fk_" + t.name + "_" + name)
	}
	c := &column{name: name, kind: ref.pk.kind, nullable: true, fk: true, deps: 1}
	t.cols = append(t.cols, c)
	fk := &foreignKey{name: fkName, col: c, ref: ref.name, refCol: "id"}
	switch g.r.IntN(5) {
	case 0:
		fk.ondelete = "CASCADE"
	case 1:
		fk.ondelete = "SET NULL"
	}
	t.fks = append(t.fks, fk)
	ch := &change{msg: fmt.Sprintf("add %s to %s", name, t.name)}
	ch.up = append(ch.up,
		opAddColumn(s, t.name, modelColumn(s, c)),
		opCreateForeignKey(s, fkName, t.name, ref.name, name, "id", fk.ondelete))
	ch.down = append(ch.down,
		opDropConstraint(s, fkName, t.name, "foreignkey"),
		opDropColumn(s, t.name, name))
	if g.r.IntN(2) == 0 && g.reserve("ix_"+t.name+"_"+name) {
		ix := &index{name: "ix_" + t.name + "_" + name, col: c}
		c.indexed = true
		c.deps++
		t.indexes = append(t.indexes, ix)
		ch.up = append(ch.up, opCreateIndex(s, t.name, ix.name, []string{name}, false))
		ch.down = append([]*op{opDropIndex(s, t.name, ix.name)}, ch.down...)
	}
	return ch
}

func (g *gen) chDropForeignKey(t *table) *change {
	t = g.target(t, func(t *table) bool { return len(t.fks) > 0 })
	if t == nil {
		return nil
	}
	s := g.s
	i := g.r.IntN(len(t.fks))
	fk := t.fks[i]
	t.fks = slices.Delete(t.fks, i, i+1)
	fk.col.fk = false
	fk.col.deps--
	return &change{
		msg:  fmt.Sprintf("drop foreign key %s", fk.name),
		up:   []*op{opDropConstraint(s, fk.name, t.name, "foreignkey")},
		down: []*op{opCreateForeignKey(s, fk.name, t.name, fk.ref, fk.col.name, fk.refCol, fk.ondelete)},
	}
}

func uniqueable(c *column) bool {
	return !c.pk && !c.unique && (c.kind == kString || c.kind == kInt || c.kind == kBigInt || c.kind == kUUID)
}

func (g *gen) chUnique(t *table) *change {
	t = g.target(t, hasCol(uniqueable))
	if t == nil {
		return nil
	}
	s := g.s
	c := g.pickCol(t, uniqueable)
	name := g.reserveVariant("uq_" + t.name + "_" + c.name)
	c.unique = true
	c.deps++
	t.uniques = append(t.uniques, &uniqueConstraint{name: name, col: c})
	return &change{
		msg:  fmt.Sprintf("add unique constraint on %s.%s", t.name, c.name),
		up:   []*op{opCreateUnique(s, name, t.name, c.name)},
		down: []*op{opDropConstraint(s, name, t.name, "unique")},
	}
}

func (g *gen) chDropUnique(t *table) *change {
	t = g.target(t, func(t *table) bool { return len(t.uniques) > 0 })
	if t == nil {
		return nil
	}
	s := g.s
	i := g.r.IntN(len(t.uniques))
	u := t.uniques[i]
	t.uniques = slices.Delete(t.uniques, i, i+1)
	u.col.unique = false
	u.col.deps--
	return &change{
		msg:  fmt.Sprintf("drop unique constraint %s", u.name),
		up:   []*op{opDropConstraint(s, u.name, t.name, "unique")},
		down: []*op{opCreateUnique(s, u.name, t.name, u.col.name)},
	}
}
