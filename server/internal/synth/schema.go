package synth

import (
	"fmt"
	"strconv"
)

// colKind is the SQLAlchemy type family of a generated column.
type colKind int

const (
	kInt colKind = iota
	kBigInt
	kString
	kBool
	kDateTime
	kNumeric
	kText
	kJSONB
	kUUID
	kEnum
)

// column is the generator's model of one table column.
type column struct {
	name          string
	kind          colKind
	length        int // kString
	prec, scale   int // kNumeric
	tz            bool
	enumName      string
	enumVals      []string
	nullable      bool
	serverDefault string // SQL text passed to sa.text(...), "" for none
	pk            bool
	fk            bool // the column carries a foreign key
	indexed       bool // an index exists on the column
	unique        bool // a unique constraint exists on the column
	deps          int  // indexes, constraints and foreign keys using the column
}

type index struct {
	name   string
	col    *column
	unique bool
}

type uniqueConstraint struct {
	name string
	col  *column
}

type foreignKey struct {
	name     string
	col      *column
	ref      string
	refCol   string
	ondelete string
}

// table is the generator's model of one table.
type table struct {
	name    string
	side    int // 0: shared main line; 1, 2: created on a fork side not merged yet
	pk      *column
	cols    []*column
	indexes []*index
	uniques []*uniqueConstraint
	fks     []*foreignKey
}

func (t *table) col(name string) *column {
	for _, c := range t.cols {
		if c.name == name {
			return c
		}
	}
	return nil
}

func (t *table) removeCol(c *column) {
	for i, x := range t.cols {
		if x == c {
			t.cols = append(t.cols[:i], t.cols[i+1:]...)
			return
		}
	}
}

// freeColName returns base if no column of t uses it, else base_2, base_3...
func (t *table) freeColName(base string) string {
	if t.col(base) == nil {
		return base
	}
	for i := 2; ; i++ {
		n := base + "_" + strconv.Itoa(i)
		if t.col(n) == nil {
			return n
		}
	}
}

// maxIdent is PostgreSQL's identifier length limit (NAMEDATALEN-1).
const maxIdent = 63

// reserve records name in the global namespace of relations, types and
// constraints. It reports false if the name is taken or too long.
func (g *gen) reserve(name string) bool {
	if len(name) > maxIdent || g.names[name] {
		return false
	}
	g.names[name] = true
	return true
}

// reserveVariant reserves base, or base_2, base_3... and returns the name used.
func (g *gen) reserveVariant(base string) string {
	if len(base) > maxIdent-4 {
		base = base[:maxIdent-4]
	}
	if g.reserve(base) {
		return base
	}
	for i := 2; ; i++ {
		n := fmt.Sprintf("%s_%d", base, i)
		if g.reserve(n) {
			return n
		}
	}
}

// modifiable reports whether the current history side may alter t. While a
// fork is open, each side only alters tables no other side can touch, so the
// two branches commute and replay in any order alembic chooses.
func (g *gen) modifiable(t *table) bool {
	switch g.side {
	case 0:
		return true
	case 1:
		return t.side == 1
	default:
		return t.side == 0 || t.side == g.side
	}
}

// referenceable reports whether the current side may point a foreign key at t.
func (g *gen) referenceable(t *table) bool {
	return t.side == 0 || t.side == g.side
}

// pickTable returns a random modifiable table satisfying ok, preferring
// recently created tables the way real projects mostly touch recent models.
// It samples first and scans only when sampling finds nothing, which keeps
// generation linear in the number of revisions.
func (g *gen) pickTable(ok func(*table) bool) *table {
	n := len(g.tables)
	if n == 0 {
		return nil
	}
	for range 24 {
		var t *table
		if n > 12 && g.r.IntN(2) == 0 {
			t = g.tables[n-1-g.r.IntN(12)]
		} else {
			t = g.tables[g.r.IntN(n)]
		}
		if g.modifiable(t) && (ok == nil || ok(t)) {
			return t
		}
	}
	cands := g.scratch[:0]
	for _, t := range g.tables {
		if g.modifiable(t) && (ok == nil || ok(t)) {
			cands = append(cands, t)
		}
	}
	g.scratch = cands
	if len(cands) == 0 {
		return nil
	}
	return cands[g.r.IntN(len(cands))]
}

// pickCol returns a random column of t satisfying ok.
func (g *gen) pickCol(t *table, ok func(*column) bool) *column {
	n := 0
	for _, c := range t.cols {
		if ok(c) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	k := g.r.IntN(n)
	for _, c := range t.cols {
		if ok(c) {
			if k == 0 {
				return c
			}
			k--
		}
	}
	return nil
}

func hasCol(ok func(*column) bool) func(*table) bool {
	return func(t *table) bool {
		for _, c := range t.cols {
			if ok(c) {
				return true
			}
		}
		return false
	}
}
