package review

import (
	"slices"
	"sort"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// The revision's place in the history, and the tables and enum types it
// shares with other revisions of its script directory.

func historyInfo(g *history.Graph, r *history.Revision) HistoryInfo {
	below := g.Descendants(r.ID)
	desc, count := []string{}, 0
	for _, x := range g.Order {
		if below[x.ID] {
			if count < maxListed {
				desc = append(desc, x.ID)
			}
			count++
		}
	}
	return HistoryInfo{
		IsHead: len(r.Children) == 0, IsMerge: len(r.Parents) > 1, IsBase: len(r.Parents) == 0,
		Parents: list(r.Parents), Children: sorted(r.Children), DependedOnBy: sorted(r.Dependents),
		DependsOn: list(r.DependsOn), Descendants: desc, DescendantCount: count,
		BranchLabels: list(r.BranchLabels), Heads: list(g.Heads[:min(len(g.Heads), maxListed)]), HeadCount: len(g.Heads),
	}
}

// maxListed bounds the lists that grow with the history (a long history
// would otherwise make a review of an old revision enormous).
const maxListed = 50

// touched maps a table or enum type to what each revision does to it.
type touched map[string]map[string][]string // name -> revision -> operation names

func (t touched) add(name, rev, what string) {
	if t[name] == nil {
		t[name] = map[string][]string{}
	}
	if !slices.Contains(t[name][rev], what) {
		t[name][rev] = append(t[name][rev], what)
	}
}

// touchIndex records, for every revision of the graph, the tables and enum
// types its operations name.
func touchIndex(g *history.Graph) (tables, enums touched) {
	tables, enums = touched{}, touched{}
	for _, r := range g.Order {
		m := r.Migration
		for _, fn := range []*migration.Function{m.Upgrade, m.Downgrade} {
			if fn == nil {
				continue
			}
			prefix := ""
			if fn == m.Downgrade {
				prefix = "downgrade "
			}
			for _, o := range fn.Ops {
				ts, es := touches(m, o)
				for _, t := range ts {
					tables.add(t, r.ID, prefix+o.Name)
				}
				for _, e := range es {
					enums.add(e, r.ID, prefix+o.Name)
				}
			}
		}
	}
	return tables, enums
}

// touches lists the tables and named enum types an operation names.
func touches(m *migration.Migration, o *migration.Op) (tables, enums []string) {
	if t, ok := o.Table(); ok && o.Name != "batch_alter_table" {
		tables = append(tables, effect.TableKey(o, t))
	}
	if ref, ok := o.ArgString("referent_table"); ok {
		tables = append(tables, ref)
	}
	if o.SQL != nil {
		for _, st := range o.SQL.Statements {
			if st.Table != "" {
				tables = append(tables, st.Table)
			}
			switch st.Kind {
			case migration.SQLAlterTypeAdd, migration.SQLAlterType, migration.SQLCreateType, migration.SQLDropType:
				enums = append(enums, st.Object)
			}
		}
	}
	addType := func(t *migration.TypeRef) {
		if en := effect.EnumOf(t); en != nil && en.Name != "" {
			enums = append(enums, en.Name)
		}
	}
	switch o.Name {
	case "create_table":
		if ct := m.CreateTable(o); ct != nil {
			for _, c := range ct.Columns {
				addType(c.Type)
			}
		}
	case "add_column":
		if c := m.Column(o, o.Arg("column")); c != nil {
			addType(c.Type)
		}
	case "alter_column":
		for _, arg := range []string{"type_", "existing_type"} {
			if e := o.Arg(arg); e != nil {
				addType(m.Type(o, e))
			}
		}
	case migration.EnumCreate, migration.EnumDrop:
		addType(m.Type(o, o.Target))
	}
	return tables, enums
}

// uses describes the objects a revision touches and who else touches them.
func uses(idx touched, g *history.Graph, rev string, users func(string) []string) []ObjectUse {
	var out []ObjectUse
	for name, revs := range idx {
		here, ok := revs[rev]
		if !ok {
			continue
		}
		u := ObjectUse{Name: name, Here: here, Others: []TouchedBy{}, Users: []string{}}
		at := 0
		for _, r := range g.Order {
			if r.ID == rev {
				at = len(u.Others)
			} else if ops, ok := revs[r.ID]; ok {
				u.Others = append(u.Others, TouchedBy{Revision: r.ID, Operations: ops})
			}
		}
		u.OthersCount = len(u.Others)
		if len(u.Others) > maxListed { // keep the nearest, in upgrade order (a copy: the whole list is garbage)
			from := min(max(at-maxListed/2, 0), len(u.Others)-maxListed)
			u.Others = slices.Clone(u.Others[from : from+maxListed])
		}
		if users != nil {
			u.Users = sorted(users(name))
		}
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return list(out)
}

// list turns nil into an empty slice (JSON [] rather than null).
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func sorted(s []string) []string {
	out := slices.Clone(list(s))
	slices.Sort(out)
	return out
}
