package migration

import (
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

func TestSQLReturnedByAFunctionOfTheFile(t *testing.T) {
	m := parseSource(t, `from alembic import op

def insert_person(id, name):
    name = name.replace("'", "''")
    return f"INSERT INTO people (id, name) VALUES ('{id}', '{name}')"

def drop(table):
    op.execute("DROP TABLE audit")
    return f"DROP TABLE {table}"

def upgrade():
    for id, name in zip(["1"], ["O'Brien"]):
        op.execute(insert_person(id, name))
    op.execute(drop("people"))
`)
	ops := m.Upgrade.Ops
	if len(ops) != 2 {
		t.Fatalf("ops %v", opLines(m.Upgrade))
	}
	// the name the function escapes is not known: the statement is an INSERT
	// with an unknown value, not the value unescaped
	if sql := ops[0].SQL; sql == nil || sql.Known || len(sql.Shape) != 1 || sql.Shape[0].Kind != SQLInsert ||
		!strings.Contains(sql.Shape[0].Text, "'1', '"+sqlparse.Hole+"'") {
		t.Errorf("INSERT of an escaped value: %+v", sql)
	}
	// a function that runs SQL of its own before it returns is not read
	if sql := ops[1].SQL; sql == nil || sql.Known || len(sql.Shape) != 0 {
		t.Errorf("SQL returned by a function with a side effect: %+v", sql)
	}
}
