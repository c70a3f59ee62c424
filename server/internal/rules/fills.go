package rules

import (
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// fills tells whether some operation of a sequence may write values of a
// column: an UPDATE of the table that names the column, a DELETE from the
// table, a bulk_insert, SQL we do not classify, or anything that hides its
// effects. It reads each operation once; asking every operation again for
// every column made functions with many columns quadratic.
type fills struct {
	any     bool                       // some operation may write any column (bulk_insert, hidden effects, SQL not classified)
	deletes map[string]bool            // tables (lower-case) a DELETE removes rows of
	updates map[string][]string        // UPDATE statements by table (lower-case)
	words   map[string]map[string]bool // the words of the UPDATEs by table, once asked for
}

func newFills(ops ...*migration.Op) *fills {
	x := &fills{deletes: map[string]bool{}, updates: map[string][]string{}, words: map[string]map[string]bool{}}
	for _, o := range ops {
		x.add(o)
	}
	return x
}

// add takes one more operation into account.
func (x *fills) add(o *migration.Op) {
	if o.Name == "bulk_insert" || hidesEffects(o) {
		x.any = true
		return
	}
	if o.SQL == nil {
		return
	}
	for _, st := range o.SQL.Statements {
		x.addStatement(st)
	}
}

// addStatement takes one statement of known SQL into account.
func (x *fills) addStatement(st migration.Statement) {
	t := strings.ToLower(st.Table)
	switch st.Kind {
	case migration.SQLUpdate:
		x.updates[t] = append(x.updates[t], st.Text)
		if words := x.words[t]; words != nil {
			addWords(words, st.Text)
		}
	case migration.SQLDelete:
		x.deletes[t] = true
	case migration.SQLOther:
		x.any = true
	}
}

// may reports whether an operation may write values of table.column (bare
// names).
func (x *fills) may(table, column string) bool {
	return x.any || x.deletes[strings.ToLower(table)] || x.updatesName(table, column)
}

// updatesName reports whether an UPDATE of the table names the column.
func (x *fills) updatesName(table, column string) bool {
	t := strings.ToLower(table)
	updates := x.updates[t]
	if len(updates) == 0 {
		return false
	}
	if !rePlainWord.MatchString(column) { // the index below holds plain words only
		return namedIn(updates, column)
	}
	if x.words[t] == nil {
		x.words[t] = map[string]bool{}
		for _, u := range updates {
			addWords(x.words[t], u)
		}
	}
	return x.words[t][strings.ToLower(column)]
}

func addWords(set map[string]bool, text string) {
	for _, w := range reWords.FindAllString(text, -1) { // what (?i)\bcolumn\b can match in full
		set[strings.ToLower(w)] = true
	}
}
