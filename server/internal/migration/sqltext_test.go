package migration

import (
	"slices"
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

func TestSQLBuiltUpAStatementAtATime(t *testing.T) {
	m := parseSource(t, `from alembic import op
from psycopg2 import sql

def upgrade():
    connection = op.get_bind()
    for table in ["users", "teams"]:
        name = sql.Identifier("public", table)
        statement = sql.SQL("SELECT MAX(id) FROM {}").format(name).as_string(connection)
        last = connection.exec_driver_sql(statement).scalar()
        statement = sql.SQL("ALTER SEQUENCE {} RESTART WITH ").format(name).as_string(connection)
        statement = statement + str(last + 1)
        connection.exec_driver_sql(statement)
    query = "UPDATE users SET active = true"
    query += " WHERE active IS NULL"
    op.execute(query)
`)
	ops := m.Upgrade.Ops
	if len(ops) != 5 {
		t.Fatalf("ops %v", opLines(m.Upgrade))
	}
	// psycopg's composed SQL, a name not known in it
	for _, i := range []int{0, 2} {
		if sql := ops[i].SQL; sql == nil || sql.Known || len(sql.Shape) != 1 || sql.Shape[0].Kind != SQLSelect {
			t.Errorf("op %d, sql.SQL(...).format(...).as_string(...) of a SELECT: %+v", i, sql)
		}
	}
	// a statement extended by its own name, with a hole where a number goes
	if sql := ops[1].SQL; sql == nil || sql.Known || len(sql.Shape) != 1 ||
		!strings.HasPrefix(sql.Shape[0].Text, "ALTER SEQUENCE "+sqlparse.Hole+" RESTART WITH") {
		t.Errorf("ALTER SEQUENCE built in two assignments: %+v", sql)
	}
	// += extends the query, which is known whole
	if sql := ops[4].SQL; sql == nil || !sql.Known || len(sql.Statements) != 1 || !sql.Statements[0].Where {
		t.Errorf("UPDATE extended by +=: %+v", sql)
	}
}

// A hole is read as a number only where the parser refuses a name, and only
// where a number then parses, or as a query in a view alone; a statement
// PostgreSQL cannot parse keeps what its first words say.
func TestHolesWhereANumberGoes(t *testing.T) {
	for _, tt := range []struct {
		body string
		kind StatementKind // "" when no statement is read
	}{
		{`op.execute(f"ALTER SEQUENCE {seq} RESTART WITH {start}")`, SQLUntracked},
		{`op.execute(f"CREATE VIEW {view.name} AS {view.sql}")`, SQLUntracked},
		{`op.execute(f"CREATE MATERIALIZED VIEW {name} AS {query} WITH NO DATA")`, SQLUntracked},
		{`op.execute(f"CREATE TABLE {name} AS {query}")`, ""}, // a query made up would make up its columns
		{`op.execute(f"CREATE VIEW v AS {query}; CREATE TABLE t AS {query}")`, ""},
		{`op.execute(f"SELECT * FROM t LIMIT {n}")`, SQLSelect},
		{`op.execute(f"ALTER TABLE t {clause}")`, ""},
		{`op.execute(f"UPDATE t SET a = 1 {where}")`, SQLOther},                               // not parsed: rows written, no more
		{"op.execute(\"ALTER DATABASE `%s` DEFAULT CHARACTER SET utf8\" % name)", SQLSession}, // not parsed: options set, no more
	} {
		m := parseSource(t, "from alembic import op\n\ndef upgrade():\n    "+tt.body+"\n")
		sql := m.Upgrade.Ops[0].SQL
		if sql == nil || sql.Known {
			t.Fatalf("%s: SQL %+v, want one not known", tt.body, sql)
		}
		switch {
		case tt.kind == "" && len(sql.Shape) != 0:
			t.Errorf("%s: shape %+v, want none", tt.body, sql.Shape)
		case tt.kind != "" && (len(sql.Shape) != 1 || sql.Shape[0].Kind != tt.kind):
			t.Errorf("%s: shape %+v, want one %s", tt.body, sql.Shape, tt.kind)
		case tt.kind != "" && strings.Contains(tt.body, "VIEW") && !slices.Contains(sql.Shape[0].Tables, sqlparse.Hole):
			t.Errorf("%s: the view's query is not known, so are the tables it reads: %+v", tt.body, sql.Shape[0].Tables)
		}
	}
}

func TestSQLOfAStringFormatter(t *testing.T) {
	m := parseSource(t, `from alembic import op
import string
from app.utils import StrictStringFormatter

QUERY = "UPDATE {table} SET state = '{state}' WHERE state IS NULL"

def upgrade():
    op.execute(StrictStringFormatter().format(QUERY, table="runs", state="new"))
    op.execute(string.Formatter().format("DELETE FROM {} WHERE id = {}", "runs", run_id))
`)
	ops := m.Upgrade.Ops
	if len(ops) != 2 {
		t.Fatalf("ops %v", opLines(m.Upgrade))
	}
	if sql := ops[0].SQL; sql == nil || !sql.Known || sql.Text != "UPDATE runs SET state = 'new' WHERE state IS NULL" {
		t.Errorf("a Formatter's format() with known values: %+v", sql)
	}
	if sql := ops[1].SQL; sql == nil || sql.Known || len(sql.Shape) != 1 || sql.Shape[0].Kind != SQLDelete || sql.Shape[0].Table != "runs" {
		t.Errorf("a Formatter's format() with a value not known: %+v", sql)
	}
}

func TestSQLHandedThroughHelpers(t *testing.T) {
	m := parseSource(t, `from alembic import op

COLUMN = "headers"

def _run(table, statement):
    op.execute(f'LOCK TABLE "{table}"')
    op.execute(statement)

def _retry(table, statement, deadline):
    _run(table, statement)

def upgrade():
    for table in ("tasks", "runs"):
        _retry(table, f'ALTER TABLE "{table}" ADD COLUMN {COLUMN} JSON', 5)
`)
	var alters []string
	for _, o := range m.Upgrade.Ops {
		if o.SQL == nil || !o.SQL.Known {
			t.Fatalf("line %d: SQL %+v, want it known", o.Stmt.StartLine, o.SQL)
		}
		if strings.HasPrefix(o.SQL.Text, "ALTER") {
			alters = append(alters, o.SQL.Text)
		}
	}
	want := []string{`ALTER TABLE "tasks" ADD COLUMN headers JSON`, `ALTER TABLE "runs" ADD COLUMN headers JSON`}
	if !slices.Equal(alters, want) {
		t.Errorf("statements %q, want %q", alters, want)
	}
}
