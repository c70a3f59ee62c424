package history

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
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
