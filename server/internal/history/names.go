package history

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// foreignKeyName is the name of a foreign key declared in create_table or
// add_column: written, the convention's, PostgreSQL's default, or "" when
// unknown.
func foreignKeyName(n naming.Namer, table, schema string, fk migration.ForeignKey) string {
	res := n.Name(naming.Object{Kind: naming.ForeignKey, Name: fk.Name, Final: fk.Final, Table: table, Schema: schema,
		Columns: fk.Columns, ColumnsKnown: fk.Columns != nil, RefTable: fk.RefTable, RefColumns: fk.RefColumns})
	return fkName(res, true, table, fk.Columns)
}

// fkName is the name a foreign key is known by in the state: "" when unknown,
// PostgreSQL's default for one created unnamed without a convention.
func fkName(res naming.Result, literal bool, table string, cols []string) string {
	switch {
	case res.Known:
		return res.Name
	case !literal || res.Converted || res.Err != "" || cols == nil:
		return ""
	}
	return DefaultFKName(table, cols)
}

// DefaultFKName is the name PostgreSQL gives an unnamed foreign key.
func DefaultFKName(table string, cols []string) string {
	return postgresName(table, strings.Join(cols, "_"), "fkey")
}

// unusedFKName is the name PostgreSQL gives a foreign key it names itself
// when the table has one of that name already: the default with 1, 2...
// after its label, as ChooseConstraintName makes it (packit-service's
// second key on pr_id is copr_builds_pr_id_fkey1). Other names are kept.
func unusedFKName(t *Table, fk FK) string {
	table := pysyntax.LastName(t.Name)
	taken := func(name string) bool {
		return slices.ContainsFunc(t.FKs(), func(other FK) bool { return other.Name == name })
	}
	if fk.Name == "" || fk.Name != DefaultFKName(table, fk.Columns) || !taken(fk.Name) {
		return fk.Name
	}
	for n := 1; ; n++ {
		if name := postgresName(table, strings.Join(fk.Columns, "_"), "fkey"+strconv.Itoa(n)); !taken(name) {
			return name
		}
	}
}

// DefaultUniqueName is the name PostgreSQL gives an unnamed unique constraint.
func DefaultUniqueName(table string, cols []string) string {
	return postgresName(table, strings.Join(cols, "_"), "key")
}

// maxPostgresName is the longest identifier PostgreSQL keeps (NAMEDATALEN - 1).
const maxPostgresName = 63

// postgresName is the name PostgreSQL makes for an object it names itself
// (makeObjectName): table (as PostgreSQL keeps it, cut to 63 bytes), columns
// and label joined by "_", where the longer of table and columns is shortened
// a byte at a time until the whole fits in 63 bytes. Checked on PostgreSQL 15:
// kebechet_github_installations_external_software_environmen_fkey.
func postgresName(table, columns, label string) string {
	table = clip(table, maxPostgresName)
	room := maxPostgresName - len(label) - 2 // the two underscores
	t, c := len(table), len(columns)
	for t+c > room {
		if t > c {
			t--
		} else {
			c--
		}
	}
	return clip(table, t) + "_" + clip(columns, c) + "_" + label
}

// clip is s cut to at most n bytes, at the start of a character.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
