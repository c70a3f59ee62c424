package review

import (
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// Whether downgrade() undoes each upgrade operation: an operation of the
// downgrade that removes what the upgrade operation creates, creates what it
// removes, or changes the same aspect of the same column undoes it.

// analysed is one operation with its facts and its entry in the review.
type analysed struct {
	op  *migration.Op
	f   *facts
	out *Operation
}

// pairingKeys names the objects an operation's effects create, remove and
// alter, for pairing with the other function's operations.
func (f *facts) pairingKeys(effects []effect.Effect) {
	for _, e := range effects {
		key, renamed := objectKey(e)
		switch {
		case key == "", e.Unreadable && e.Object != effect.Constraint: // which object it is cannot be told
		case e.Change == effect.Alter, e.Object == effect.Comment, e.Object == effect.Value && e.Change == effect.Rename:
			f.alters = append(f.alters, key)
		case e.Change == effect.Create:
			f.creates = append(f.creates, key)
		case e.Change == effect.Drop:
			f.removes = append(f.removes, key)
		case e.Change == effect.Rename && e.Object == effect.Type:
			// the values go with the old name; the new one is not paired: a type
			// renamed away is the first step of a swap that drops it again
			f.removes = append(f.removes, key, "values:"+e.Name)
		case e.Change == effect.Rename:
			f.removes = append(f.removes, key)
			f.creates = append(f.creates, renamed)
		}
	}
}

// objectKey names the object an effect changes ("table:orders",
// "column:users.age", "nullable:users.email", "constraint:users:fk_x",
// "rows:users", ...) and, for a rename, its new name; "" for effects that
// are not paired.
func objectKey(e effect.Effect) (key, renamed string) {
	switch e.Object {
	case effect.Table:
		if e.Temporary || e.Change == effect.Alter {
			return "", ""
		}
		return "table:" + e.Key(), "table:" + e.ToKey()
	case effect.Column:
		kind := "column:"
		if e.Change == effect.Alter {
			kind = map[string]string{"type": "coltype:", "nullable": "nullable:", "default": "default:"}[e.Aspect]
		}
		return kind + e.Key() + "." + e.Name, "column:" + e.Key() + "." + e.To
	case effect.Comment:
		if e.Name != "" {
			return "comment:" + e.Key() + "." + e.Name, ""
		}
		return "comment:" + e.Key(), ""
	case effect.Index:
		if e.Name == "" {
			return "", "" // PostgreSQL picks the name
		}
		return "index:" + e.Name, "index:" + e.To
	case effect.Constraint:
		if e.Change == effect.Alter {
			return "", "" // VALIDATE CONSTRAINT
		}
		name := e.Name
		if e.Unnamed || e.Unreadable {
			// a constraint whose name is not written or not known, created or
			// dropped (a drop fails without a name: unnamed-constraint), pairs
			// with the table's other such constraints
			name = ""
		}
		return "constraint:" + e.Key() + ":" + name, "constraint:" + e.Key() + ":" + e.To
	case effect.Type:
		if e.Change == effect.Alter {
			return "", ""
		}
		return "type:" + e.Name, ""
	case effect.Value:
		return "values:" + e.Type, ""
	case effect.Sequence:
		return "sequence:" + e.Name, ""
	case effect.View:
		return "view:" + e.Name, "view:" + e.To
	case effect.Rows:
		return "rows:" + e.Table, ""
	}
	return "", "" // transaction control, anything
}

// objects lists what an operation changes.
func (f *facts) objects() []string {
	return slices.Concat(f.creates, f.removes, f.alters)
}

// undoneBy returns the objects on which d reverses u.
func undoneBy(u, d *facts) []string {
	var out []string
	for _, pair := range [][2][]string{{u.creates, d.removes}, {u.removes, d.creates}, {u.alters, d.alters}} {
		for _, x := range pair[0] {
			if slices.Contains(pair[1], x) {
				out = append(out, x)
			}
		}
	}
	return out
}

// pairReversals fills Reversal of the upgrade operations and Undoes of the
// downgrade ones. Operations are paired through indexes of the objects they
// name: comparing every upgrade operation with every downgrade one was
// quadratic.
func pairReversals(down *migration.Function, ups, downs []*analysed) {
	kind := migration.BodyMissing
	if down != nil {
		kind = down.Kind
	}
	downUnknown := slices.ContainsFunc(downs, func(d *analysed) bool { return d.f.unknown != "" })
	byDown := newPairing(downs)
	for _, u := range ups {
		r := &Reversal{}
		u.out.Reversal = r
		switch {
		case u.f.unknown != "":
			r.Status = Unknown
		case len(u.f.objects()) == 0:
			r.Status = NotNeeded
		case kind == migration.BodyMissing || kind == migration.BodyEmpty:
			r.Status = NoDowngrade
		case kind == migration.BodyRaise:
			r.Status = Irreversible
		default:
			reverse(r, u, byDown, downUnknown)
		}
	}
	byUp := newPairing(ups)
	for _, d := range downs {
		if i := byUp.first(d.f); i >= 0 { // undoing is symmetric: d removes what u creates...
			d.out.Undoes = ups[i].out.Line
		}
	}
}

// pairing indexes a list of analysed operations by the objects they create,
// remove and alter: the first operation (index into the list) of each.
type pairing struct {
	list                     []*analysed
	creates, removes, alters map[string]int
}

func newPairing(list []*analysed) *pairing {
	p := &pairing{list: list, creates: map[string]int{}, removes: map[string]int{}, alters: map[string]int{}}
	for i := len(list) - 1; i >= 0; i-- { // backwards: the first one stays
		f := list[i].f
		for _, x := range f.creates {
			p.creates[x] = i
		}
		for _, x := range f.removes {
			p.removes[x] = i
		}
		for _, x := range f.alters {
			p.alters[x] = i
		}
	}
	return p
}

// first is the first operation of the list that undoes some of u (see
// undoneBy), or -1.
func (p *pairing) first(u *facts) int {
	best := -1
	for _, pair := range []struct {
		objects []string
		index   map[string]int
	}{{u.creates, p.removes}, {u.removes, p.creates}, {u.alters, p.alters}} {
		for _, x := range pair.objects {
			if i, ok := pair.index[x]; ok && (best < 0 || i < best) {
				best = i
			}
		}
	}
	return best
}

// undoes reports whether some operation of the list undoes object x of u.
func (p *pairing) undoes(u *facts, x string) bool {
	_, removed := p.removes[x]
	_, created := p.creates[x]
	_, altered := p.alters[x]
	return removed && slices.Contains(u.creates, x) || created && slices.Contains(u.removes, x) || altered && slices.Contains(u.alters, x)
}

func reverse(r *Reversal, u *analysed, downs *pairing, downUnknown bool) {
	if i := downs.first(u.f); i >= 0 {
		d := downs.list[i]
		matched := undoneBy(u.f, d.f)
		r.Line = d.out.Line
		r.Status = Reversed
		if !slices.ContainsFunc(matched, func(x string) bool { return !strings.HasPrefix(x, "rows:") }) {
			r.Status = Unknown // a data change: whether it restores the rows cannot be read
		}
		r.DataLoss, r.NotRestored = u.f.downgradeLoss, u.f.notRestored
		if r.DataLoss == "" {
			r.DataLoss = strings.Join(d.f.dataLoss, "; ")
		}
		if left := leftBehind(u.f, downs); r.Status == Reversed && len(left) > 0 {
			r.Status, r.LeftBehind = Partial, strings.Join(left, ", ")
		}
		return
	}
	switch {
	case slices.ContainsFunc(u.f.creates, func(x string) bool { return strings.HasPrefix(x, "values:") }):
		r.Status = Irreversible // PostgreSQL has no DROP VALUE: only a type rebuild undoes it
	case downUnknown:
		r.Status = Unknown
	default:
		r.Status = NotReversed
	}
}

// leftBehind names the objects of an upgrade operation that no downgrade
// operation undoes (an enum type create_table made, say).
func leftBehind(u *facts, downs *pairing) []string {
	var out []string
	for _, x := range u.objects() {
		if strings.HasPrefix(x, "rows:") || downs.undoes(u, x) {
			continue
		}
		out = append(out, describe(x))
	}
	return out
}

// objectWords names the kinds of objects in words.
var objectWords = map[string]string{"table": "table", "column": "column", "index": "index", "type": "enum type",
	"values": "the new value of enum type", "sequence": "sequence", "comment": "the comment of", "nullable": "the nullability of",
	"default": "the default of", "coltype": "the type of", "view": "view"}

// describe turns "type:status_type" into "enum type status_type".
func describe(object string) string {
	kind, name, _ := strings.Cut(object, ":")
	if kind == "constraint" {
		table, cons, _ := strings.Cut(name, ":")
		if cons == "" {
			return "the unnamed constraint on " + table
		}
		return "constraint " + cons + " on " + table
	}
	return objectWords[kind] + " " + name
}
