package rules

import (
	"regexp"
	"strings"
	"sync"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// dataSteps answers touchesColumn and createsColumn for every column at once,
// over a sequence of operations: each operation is read once, into keys that
// remember the last operation (its index) they came from. Asking each
// operation again for each column made two long revisions in a row (one
// adding columns, the next setting them NOT NULL) quadratic. Names made of
// other than word characters, which the patterns do not see as one word, are
// answered by touchesColumn itself.
type dataSteps struct {
	m    *migration.Migration
	ops  []*migration.Op
	last map[string]int // key (see the kinds below) -> index of the last operation
	// words of the whole source, once asked for (the passes of several
	// revisions read an ancestor's at once)
	words     map[string]bool
	wordsOnce sync.Once
}

// Kinds of keys.
const (
	keyCreatesTable = "table" // create_table of the table
	keyCreatesCol   = "col"   // add_column, or a rename to the column
	keyHiddenAny    = "hidden"
	keyHiddenWord   = "hiddenword" // a call hiding its effects names the word
	keyAssigns      = "set"        // UPDATE table SET column = ...
	keyDeleteWhere  = "where"      // DELETE FROM table WHERE ... column ...
	keyDeleteNull   = "null"       // DELETE FROM table WHERE ... column IS NULL
	keyDeleteAll    = "all"        // DELETE FROM table, without WHERE: no value is left
	keyOtherSQL     = "other"      // unclassified SQL naming the word
)

var (
	reSQLWords  = regexp.MustCompile(`[\w$]+`) // the words (^|[^\w$])name($|[^\w$]) can match
	reWords     = regexp.MustCompile(`\w+`)    // the words \bname\b can match
	reWhere     = regexp.MustCompile(`(?i)\bWHERE\b`)
	reIsNull    = regexp.MustCompile(`(?i)\b(\w+)"?\s+IS\s+NULL\b`)
	rePlainWord = regexp.MustCompile(`^\w+$`)
)

func dataKey(kind string, parts ...string) string {
	return kind + "\x00" + strings.ToLower(strings.Join(parts, "\x00"))
}

func newDataSteps(m *migration.Migration, ops []*migration.Op) *dataSteps {
	d := &dataSteps{m: m, last: map[string]int{}}
	for _, o := range ops {
		d.add(o)
	}
	return d
}

// add reads one more operation.
func (d *dataSteps) add(o *migration.Op) {
	i := len(d.ops)
	d.ops = append(d.ops, o)
	mark := func(kind string, parts ...string) { d.last[dataKey(kind, parts...)] = i }
	if t, ok := o.Table(); ok {
		switch o.Name {
		case "create_table":
			mark(keyCreatesTable, t)
		case "add_column":
			if c := d.m.Column(o, o.Arg("column")); c != nil && c.NameKnown {
				mark(keyCreatesCol, t, c.Name)
			}
		case "alter_column":
			if name, ok := o.ArgString("new_column_name"); ok {
				mark(keyCreatesCol, t, name)
			}
		}
	}
	if hidesEffects(o) {
		mark(keyHiddenAny)
		if o.Call != nil {
			for _, w := range reSQLWords.FindAllString(o.Call.Text, -1) {
				mark(keyHiddenWord, w)
			}
		}
		return
	}
	if o.SQL == nil {
		return
	}
	for _, st := range o.SQL.Statements {
		switch st.Kind {
		case migration.SQLUpdate:
			for _, c := range st.SetColumns {
				mark(keyAssigns, st.Table, c)
			}
		case migration.SQLDelete:
			loc := reWhere.FindStringIndex(st.Text)
			if loc == nil {
				mark(keyDeleteAll, st.Table)
				continue
			}
			where := st.Text[loc[0]:]
			for _, w := range reWords.FindAllString(where, -1) {
				mark(keyDeleteWhere, st.Table, w)
			}
			for _, m := range reIsNull.FindAllStringSubmatch(where, -1) {
				mark(keyDeleteNull, st.Table, m[1])
			}
		case migration.SQLOther:
			for _, w := range reSQLWords.FindAllString(st.Text, -1) {
				mark(keyOtherSQL, w)
			}
		}
	}
}

// lastCreates is the index of the last operation that creates the table or
// adds the column (see createsColumn), or -1.
func (d *dataSteps) lastCreates(table, column string) int {
	if !rePlainWord.MatchString(table) || !rePlainWord.MatchString(column) {
		for i := len(d.ops) - 1; i >= 0; i-- {
			if createsColumn(d.m, d.ops[i], table, column) {
				return i
			}
		}
		return -1
	}
	return max(d.at(keyCreatesTable, table), d.at(keyCreatesCol, table, column))
}

// touchedSince reports whether an operation from index start on touches the
// column (see touchesColumn).
func (d *dataSteps) touchedSince(start int, table, column string, goal dataGoal, broad bool) bool {
	if !rePlainWord.MatchString(table) || !rePlainWord.MatchString(column) {
		for _, o := range d.ops[min(start, len(d.ops)):] {
			if touchesColumn(d.m, o, table, column, goal, broad) {
				return true
			}
		}
		return false
	}
	deletes := keyDeleteWhere
	if goal == fillsNulls {
		deletes = keyDeleteNull
	}
	if d.at(keyHiddenWord, column) >= start || d.at(keyAssigns, table, column) >= start ||
		d.at(deletes, table, column) >= start || d.at(keyDeleteAll, table) >= start || d.at(keyOtherSQL, table) >= start {
		return true
	}
	return broad && d.at(keyHiddenAny) >= start && d.sourceNames(table)
}

// at is the index of the last operation that made the key, or -1.
func (d *dataSteps) at(kind string, parts ...string) int {
	if i, ok := d.last[dataKey(kind, parts...)]; ok {
		return i
	}
	return -1
}

// sourceNames reports whether the file's source names the word.
func (d *dataSteps) sourceNames(word string) bool {
	d.wordsOnce.Do(func() {
		d.words = map[string]bool{}
		for _, w := range reSQLWords.FindAllString(string(d.m.Source), -1) {
			d.words[strings.ToLower(w)] = true
		}
	})
	return d.words[strings.ToLower(word)]
}
