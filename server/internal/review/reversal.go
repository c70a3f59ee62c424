package review

import (
	"slices"
	"strings"

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
// downgrade ones.
func pairReversals(down *migration.Function, ups, downs []*analysed) {
	kind := migration.BodyMissing
	if down != nil {
		kind = down.Kind
	}
	downUnknown := slices.ContainsFunc(downs, func(d *analysed) bool { return d.f.unknown != "" })
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
			reverse(r, u, downs, downUnknown)
		}
	}
	for _, d := range downs {
		for _, u := range ups {
			if len(undoneBy(u.f, d.f)) > 0 {
				d.out.Undoes = u.out.Line
				break
			}
		}
	}
}

func reverse(r *Reversal, u *analysed, downs []*analysed, downUnknown bool) {
	for _, d := range downs {
		matched := undoneBy(u.f, d.f)
		if len(matched) == 0 {
			continue
		}
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
func leftBehind(u *facts, downs []*analysed) []string {
	var out []string
	for _, x := range u.objects() {
		if strings.HasPrefix(x, "rows:") || slices.ContainsFunc(downs, func(d *analysed) bool {
			return slices.Contains(undoneBy(u, d.f), x)
		}) {
			continue
		}
		out = append(out, describe(x))
	}
	return out
}

// objectWords names the kinds of objects in words.
var objectWords = map[string]string{"table": "table", "column": "column", "index": "index", "type": "enum type",
	"values": "the new value of enum type", "sequence": "sequence", "comment": "the comment of", "nullable": "the nullability of",
	"default": "the default of", "coltype": "the type of"}

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
