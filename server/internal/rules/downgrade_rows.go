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
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// emptiedAbove reads the downgrades above a revision. Reading every revision
// above whole for each check it serves made a cold check of 3,000 revisions
// four times slower, so the headers keep two marks: the tables each
// downgrade may empty and those it may fill (anyTable for what the tool
// cannot tell). Only the revisions whose marks say they may empty the table
// are read whole.

// The mark families of the tables (lower-case keys) whose rows a
// downgrade() may leave empty, may put rows in, or may update; and of the
// columns it adds back with no value in any row (columnMark).
const (
	downgradeEmptiesMarks = "downgrade empties"
	downgradeFillsMarks   = "downgrade fills"
	downgradeUpdatesMarks = "downgrade updates"
	downgradeNullsMarks   = "downgrade nulls"
	anyTable              = "*"
)

func init() {
	migration.RegisterMarkFamily(downgradeEmptiesMarks, downgradeEmpties)
	migration.RegisterMarkFamily(downgradeFillsMarks, func(m *migration.Migration) []string {
		return downgradeTables(m, func(o *migration.Op) []string { return insertsInto(m, o) })
	})
	migration.RegisterMarkFamily(downgradeUpdatesMarks, func(m *migration.Migration) []string {
		return downgradeTables(m, func(o *migration.Op) []string { return updates(m, o) })
	})
	migration.RegisterMarkFamily(downgradeNullsMarks, func(m *migration.Migration) []string {
		return downgradeTables(m, func(o *migration.Op) []string {
			if key, column, ok := nulledColumn(m, o); ok {
				return []string{columnMark(key, column)}
			}
			return nil
		})
	})
}

// downgradeTables is the sorted set of what of lists for the operations of
// m's downgrade().
func downgradeTables(m *migration.Migration, of func(*migration.Op) []string) []string {
	if m.Downgrade == nil {
		return nil
	}
	tables := map[string]bool{}
	for _, o := range m.Downgrade.Ops {
		for _, t := range of(o) {
			tables[t] = true
		}
	}
	return slices.Sorted(maps.Keys(tables))
}

// columnMark is the mark value of a column of table key (both lower case).
func columnMark(key, column string) string { return key + "\t" + strings.ToLower(column) }

// nulledColumn reports the table key and name of the column o certainly adds
// with no value in any row: no server_default, no default= (batch mode
// copies the rows with it), nothing that fills it (an identity, a
// sequence, a generated column).
func nulledColumn(m *migration.Migration, o *migration.Op) (key, column string, ok bool) {
	if o.Name != "add_column" || !o.Certain() {
		return "", "", false
	}
	table, hasTable := o.Table()
	c := m.Column(o, o.Arg("column"))
	if !hasTable || c == nil || !c.NameKnown || c.ServerDefault != nil || c.Expr.Keyword("default") != nil ||
		slices.ContainsFunc(c.Expr.Args, func(a *migration.Expr) bool {
			switch pysyntax.LastName(a.CallName()) {
			case "Identity", "Sequence", "Computed", "FetchedValue", "DefaultClause":
				return true
			}
			return false
		}) {
		return "", "", false
	}
	return strings.ToLower(effect.TableKey(o, table)), c.Name, true
}

// updates lists what an operation may update (lower case): a table's
// columns as columnMark when its SQL names those it sets, else the table,
// anyTable for any (an execute() of something the tool cannot read, a call
// it cannot follow: security_monkey's downgrade adds a column back and fills
// it through the ORM). An UPDATE under a test counts: it may run.
func updates(m *migration.Migration, o *migration.Op) []string {
	var statements []migration.Statement
	if st, ok := coreExecuted(m, o); ok {
		statements = []migration.Statement{st}
	} else if o.Name == migration.UnknownCall {
		return []string{anyTable}
	} else if o.Name != "execute" && o.Name != migration.BindExecute {
		return nil
	} else if o.SQL == nil || !o.SQL.Known {
		return []string{anyTable}
	} else {
		statements = o.SQL.Statements
	}
	var out []string
	for _, st := range statements {
		if st.Kind != migration.SQLUpdate {
			continue
		}
		key := strings.ToLower(st.Table)
		if len(st.SetColumns) == 0 {
			out = append(out, key)
		}
		for _, c := range st.SetColumns {
			out = append(out, columnMark(key, c))
		}
	}
	return out
}

// writesColumn reports whether an operation may write a column of table key
// (lower case): insert rows into the table, or update the column.
func writesColumn(m *migration.Migration, o *migration.Op, key, column string) bool {
	return slices.ContainsFunc(slices.Concat(insertsInto(m, o), updates(m, o)), func(v string) bool {
		return v == key || v == anyTable || v == columnMark(key, column)
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
	once                    sync.Once
	empties, fills, updates map[string][]*history.Revision // by table key, anyTable
	nulls                   map[string][]*history.Revision // by columnMark
}

// downgradeRows is the run's index of downgrades by the rows they change.
func (m *runMemo) downgradeRows() *downgradeRows {
	m.rows.once.Do(func() {
		m.mu.Lock() // a stream changes the models of the revisions under it
		defer m.mu.Unlock()
		index := map[string]*map[string][]*history.Revision{downgradeEmptiesMarks: &m.rows.empties,
			downgradeFillsMarks: &m.rows.fills, downgradeUpdatesMarks: &m.rows.updates, downgradeNullsMarks: &m.rows.nulls}
		for _, by := range index {
			*by = map[string][]*history.Revision{}
		}
		for _, r := range m.graph.Order {
			if r.Migration == nil {
				continue
			}
			for family, by := range index {
				for _, v := range r.Migration.MarkValues(family) {
					(*by)[v] = append((*by)[v], r)
				}
			}
		}
	})
	return &m.rows
}
