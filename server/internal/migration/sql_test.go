package migration

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

func TestExecuteSQL(t *testing.T) {
	m := parseFixture(t, "execute_sql.py")
	type stmt struct {
		kind         StatementKind
		table        string
		object       string
		value        string
		concurrently bool
	}
	tests := []struct {
		line  int
		name  string
		known bool
		stmts []stmt
	}{
		{19, "execute", true, []stmt{{kind: SQLAlterTypeAdd, object: "account_status", value: "suspended"}}},
		{20, "execute", true, []stmt{{kind: SQLDelete, table: "sessions"}}},                                                             // sa.text(...)
		{21, "execute", true, []stmt{{kind: SQLInsert, table: "plans"}}},                                                                // text(...)
		{22, "execute", true, []stmt{{kind: SQLUpdate, table: "accounts"}, {kind: SQLUpdate, table: "accounts"}, {kind: SQLUntracked}}}, // comments, quotes, $$
		{36, "execute", true, []stmt{{kind: SQLUpdate, table: "accounts"}}},                                                             // module constant
		{38, "execute", true, []stmt{{kind: SQLUpdate, table: "accounts"}}},                                                             // f-string of a local holding a string
		{39, "execute", true, []stmt{{kind: SQLUpdate, table: "accounts"}}},                                                             // .format() of a literal
		{41, "execute", true, []stmt{{kind: SQLDelete, table: "accounts"}}},                                                             // variable holding a concatenation of known strings
		{43, "execute", true, []stmt{{kind: SQLDelete, table: "audit_log"}}},                                                            // variable holding a literal
		{44, "execute", true, []stmt{{kind: SQLDropIndex, object: "ix_accounts_plan", concurrently: true}}},                             // textwrap.dedent
		{48, BindExecute, true, []stmt{{kind: SQLUpdate, table: "accounts"}}},
		{49, BindExecute, true, []stmt{{kind: SQLSelect}}},                        // conn.execute(...).fetchall()
		{50, BindExecute, true, []stmt{{kind: SQLAlterTable, table: "Accounts"}}}, // op.get_bind().exec_driver_sql
	}
	ops := m.Upgrade.Ops
	if len(ops) != len(tests) {
		t.Fatalf("ops = %v", opLines(m.Upgrade))
	}
	for i, tt := range tests {
		o := ops[i]
		if o.Name != tt.name || int(o.Stmt.StartLine) != tt.line {
			t.Errorf("op %d = %s@%d, want %s@%d", i, o.Name, o.Stmt.StartLine, tt.name, tt.line)
			continue
		}
		if o.SQL == nil {
			t.Errorf("%s@%d has no SQL", o.Name, tt.line)
			continue
		}
		if o.SQL.Known != tt.known {
			t.Errorf("%s@%d SQL.Known = %v (%q)", o.Name, tt.line, o.SQL.Known, o.SQL.Text)
		}
		var got []stmt
		for _, s := range o.SQL.Statements {
			got = append(got, stmt{s.Kind, s.Table, s.Object, s.Value, s.Concurrently})
		}
		if !slices.Equal(got, tt.stmts) {
			t.Errorf("%s@%d statements:\n got %+v\nwant %+v", o.Name, tt.line, got, tt.stmts)
		}
	}
	// .format() fills its fields with the strings its arguments hold
	if s := ops[6].SQL; s.Text != "UPDATE accounts SET plan = 'free'" || len(s.Statements) != 1 {
		t.Errorf(".format() SQL = %+v", s)
	}
	// a local assigned before the call is read as its string, at the name's place
	if a := ops[8].Args["sqltext"]; a.Kind != pysyntax.String || string(m.Source[a.Span.Start:a.Span.End]) != "cleanup" {
		t.Errorf("sqltext = %s at %q", lit(a), m.Source[a.Span.Start:a.Span.End])
	}
	// statement texts are whitespace-normalised, without comments, and keep quoted text
	multi := ops[3].SQL.Statements
	if multi[0].Text != "UPDATE accounts SET status = 'active' WHERE status = 'enabled'" ||
		multi[1].Text != "UPDATE accounts SET note = 'a;b -- not a comment' WHERE id = 1" {
		t.Errorf("texts = %q | %q", multi[0].Text, multi[1].Text)
	}
	if want := "CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END; $$ LANGUAGE plpgsql"; multi[2].Text != want {
		t.Errorf("dollar-quoted body split: %q", multi[2].Text)
	}

	down := m.Downgrade.Ops
	if len(down) != 2 {
		t.Fatalf("downgrade ops = %v", opLines(m.Downgrade))
	}
	if s := down[0].SQL.Statements; len(s) != 1 || s[0].Kind != SQLCreateIndex || !s[0].Concurrently || s[0].Object != "ix_accounts_plan" || s[0].Table != "accounts" {
		t.Errorf("create index concurrently = %+v", s)
	}
	if s := down[1].SQL.Statements; len(s) != 2 || s[0].Kind != SQLDropType || s[0].Object != "AccountStatus" || s[1].Kind != SQLCreateType || s[1].Object != "account_status" {
		t.Errorf("drop/create type = %+v", s)
	}
}

func TestClassifySQL(t *testing.T) {
	type stmt struct {
		kind         StatementKind
		table        string
		object       string
		value        string
		concurrently bool
		newName      string
		columnTypes  string // sorted c=t pairs
	}
	tests := []struct {
		sql   string
		stmts []stmt
	}{
		{"UPDATE users SET a = 1", []stmt{{kind: SQLUpdate, table: "users"}}},
		{"update ONLY public.Users set a = 1", []stmt{{kind: SQLUpdate, table: "users"}}},
		{`UPDATE "Users" SET a = 1`, []stmt{{kind: SQLUpdate, table: "Users"}}},
		{`UPDATE "we""ird" SET a = 1`, []stmt{{kind: SQLUpdate, table: `we"ird`}}},
		{"WITH x AS (SELECT 1) UPDATE t SET a = 1", []stmt{{kind: SQLUpdate, table: "t"}}},
		{"DELETE FROM orders WHERE id < 10", []stmt{{kind: SQLDelete, table: "orders"}}},
		{"INSERT INTO audit.events (id) VALUES (1)", []stmt{{kind: SQLInsert, table: "events"}}},
		{"SELECT 1", []stmt{{kind: SQLSelect}}},
		{"ALTER TYPE mood ADD VALUE 'ok'", []stmt{{kind: SQLAlterTypeAdd, object: "mood", value: "ok"}}},
		{"ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'it''s' BEFORE 'sad'", []stmt{{kind: SQLAlterTypeAdd, object: "mood", value: "it's"}}},
		{"ALTER TYPE mood RENAME VALUE 'a' TO 'b'", []stmt{{kind: SQLAlterType, object: "mood"}}},
		{"alter type mood_new rename to mood;", []stmt{{kind: SQLAlterType, object: "mood_new", newName: "mood"}}},
		{`ALTER TABLE IF EXISTS public."Old" RENAME TO "New"`, []stmt{{kind: SQLAlterTable, table: "Old", newName: "New"}}},
		{"ALTER TABLE t RENAME COLUMN a TO b", []stmt{{kind: SQLAlterTable, table: "t"}}},
		{"ALTER TABLE orders ALTER COLUMN status TYPE status_new USING status::text::status_new, ALTER status2 SET DATA TYPE public.s2",
			[]stmt{{kind: SQLAlterTable, table: "orders", columnTypes: "status2=s2,status=status_new"}}},
		{"CREATE TYPE mood AS ENUM ('a', 'b')", []stmt{{kind: SQLCreateType, object: "mood"}}},
		{"DROP TYPE IF EXISTS mood", []stmt{{kind: SQLDropType, object: "mood"}}},
		{"DROP TYPE mood CASCADE", []stmt{{kind: SQLDropType, object: "mood"}}},
		{"CREATE INDEX ix_a ON t (a)", []stmt{{kind: SQLCreateIndex, object: "ix_a", table: "t"}}},
		{"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_a ON ONLY s.t USING btree (a)", []stmt{{kind: SQLCreateIndex, object: "ix_a", table: "t", concurrently: true}}},
		{"create index concurrently on t (a)", []stmt{{kind: SQLCreateIndex, table: "t", concurrently: true}}},
		{"DROP INDEX CONCURRENTLY IF EXISTS public.ix_a", []stmt{{kind: SQLDropIndex, object: "ix_a", concurrently: true}}},
		{"DROP INDEX ix_a", []stmt{{kind: SQLDropIndex, object: "ix_a"}}},
		{"REINDEX INDEX CONCURRENTLY ix_a", []stmt{{kind: SQLSession, object: "ix_a", concurrently: true}}},
		{"REINDEX (VERBOSE) TABLE CONCURRENTLY t", []stmt{{kind: SQLSession, table: "t", concurrently: true}}},
		{"ALTER TABLE IF EXISTS ONLY users ADD COLUMN x int", []stmt{{kind: SQLAlterTable, table: "users"}}},
		{"CREATE UNLOGGED TABLE IF NOT EXISTS tmp (id int)", []stmt{{kind: SQLCreateTable, table: "tmp"}}},
		{"DROP TABLE IF EXISTS tmp", []stmt{{kind: SQLDropTable, table: "tmp"}}},
		{"UPDATE catégories SET nom = 'x'", []stmt{{kind: SQLUpdate, table: "catégories"}}},
		{"VACUUM ANALYZE users", []stmt{{kind: SQLSession}}},
		// splitting
		{"UPDATE a SET x = ';'; DELETE FROM b", []stmt{{kind: SQLUpdate, table: "a"}, {kind: SQLDelete, table: "b"}}},
		{"UPDATE a SET x = '--'; DELETE FROM b", []stmt{{kind: SQLUpdate, table: "a"}, {kind: SQLDelete, table: "b"}}},
		{"UPDATE a SET x = '/*'; DELETE FROM b -- */", []stmt{{kind: SQLUpdate, table: "a"}, {kind: SQLDelete, table: "b"}}},
		{"-- don't split here; really\nUPDATE a SET x = 1", []stmt{{kind: SQLUpdate, table: "a"}}},
		{"/* it's; a comment */ DELETE FROM b;", []stmt{{kind: SQLDelete, table: "b"}}},
		{`UPDATE "se;mi" SET x = 1; DELETE FROM b`, []stmt{{kind: SQLUpdate, table: "se;mi"}, {kind: SQLDelete, table: "b"}}},
		{"DO $body$ BEGIN UPDATE a SET x = 1; END $body$; DELETE FROM b", []stmt{{kind: SQLUpdate, table: "a"}, {kind: SQLDelete, table: "b"}}},
		{"DO $fn1$ BEGIN PERFORM 1; END $fn1$; DELETE FROM b", []stmt{{kind: SQLSelect}, {kind: SQLDelete, table: "b"}}},
		{"DO $fn1$ BEGIN EXECUTE 'DROP TABLE a'; END $fn1$; DELETE FROM b", []stmt{{kind: SQLOther}, {kind: SQLDelete, table: "b"}}},
		{"SELECT $1; DELETE FROM b", []stmt{{kind: SQLSelect}, {kind: SQLDelete, table: "b"}}},
		{";;  ;\n", nil},
		{"", nil},
		{"UPDATE a SET x = 'unterminated; DELETE FROM b", []stmt{{kind: SQLOther}}},
		{"DO $$ unterminated; DELETE FROM b", []stmt{{kind: SQLOther}}},
		{"DELETE FROM b /* unterminated; UPDATE c", []stmt{{kind: SQLOther}}},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			s := ClassifySQL(tt.sql)
			if !s.Known || s.Text != tt.sql {
				t.Errorf("Known=%v Text=%q", s.Known, s.Text)
			}
			var got []stmt
			for _, st := range s.Statements {
				var types []string
				for _, a := range st.Actions {
					if a.Kind == AlterColumnType {
						types = append(types, a.Column+"="+a.Type)
					}
				}
				slices.Sort(types)
				got = append(got, stmt{st.Kind, st.Table, st.Object, st.Value, st.Concurrently, st.NewName, strings.Join(types, ",")})
			}
			if !slices.Equal(got, tt.stmts) {
				t.Errorf("statements:\n got %+v\nwant %+v", got, tt.stmts)
			}
		})
	}
}

func TestClassifyTypeShape(t *testing.T) {
	for sql, want := range map[string]string{
		"ALTER TABLE t ALTER COLUMN c TYPE varchar(50)":                     "varchar [50] false",
		"ALTER TABLE t ALTER COLUMN c TYPE character varying(100)[]":        "varchar [100] true",
		"ALTER TABLE t ALTER COLUMN c TYPE numeric(10, 2) USING c::numeric": "numeric [10 2] false",
		"ALTER TABLE t ALTER COLUMN c TYPE integer[]":                       "int4 [] true",
		"ALTER TABLE t ALTER COLUMN c TYPE timestamp with time zone":        "timestamptz [] false",
	} {
		a := ClassifySQL(sql).Statements[0].Actions[0]
		if got := fmt.Sprintf("%s %v %v", a.Type, a.TypeMods, a.TypeArray); got != want {
			t.Errorf("%s: %s, want %s", sql, got, want)
		}
	}
}

func TestClassifyDropCascade(t *testing.T) {
	for sql, want := range map[string]bool{
		"DROP TABLE a, b CASCADE": true,
		"DROP TABLE a RESTRICT":   false,
		"DROP TABLE IF EXISTS a":  false,
	} {
		if got := ClassifySQL(sql).Statements[0].Cascade; got != want {
			t.Errorf("%s: Cascade=%v, want %v", sql, got, want)
		}
	}
}

func TestUnparsedDML(t *testing.T) {
	for sql, want := range map[string]bool{
		"DELETE l FROM lines l INNER JOIN orders o ON o.id = l.order_id WHERE o.archived": true,
		"update `t` join u on u.id = t.id set t.c = u.c":                                  true,
		"INSERT IGNORE INTO t (a) VALUES (1)":                                             true,
		"REPLACE INTO t (a) VALUES (1)":                                                   true,
		"ALTER TABLE t ENGINE = InnoDB":                                                   false,
		"DO $$ BEGIN END $$":                                                              false,
		// MySQL's \' does not end the quote: PostgreSQL's split leaves a
		// semicolon inside, so the statement may hold the ALTER TABLE
		"UPDATE t SET a = 'it\\'s'; ALTER TABLE t ADD c int; UPDATE t SET b = 'y'": false,
		"UPDATE a SET x = 'unterminated; DROP TABLE b":                             false,
	} {
		st := ClassifySQL(sql).Statements[0]
		if st.UnparsedDML() != want || want && st.Kind != SQLOther {
			t.Errorf("%s: %s %q, UnparsedDML=%v, want %v", sql, st.Kind, st.Verb, st.UnparsedDML(), want)
		}
	}
}

// TestUnparsedSession: a setting PostgreSQL's parser rejects (MySQL's) is
// still a setting of the session, unless a semicolon left in it may end it;
// so are MySQL's table options and OPTIMIZE TABLE, which change nothing the
// model follows.
func TestUnparsedSession(t *testing.T) {
	for sql, want := range map[string]StatementKind{
		"set @@foreign_key_checks = 0;":                                        SQLSession,
		"SET FOREIGN_KEY_CHECKS=0":                                             SQLSession,
		"SET @@session.sql_mode = 'a;b'":                                       SQLOther,
		"PRAGMA foreign_keys = OFF":                                            SQLSession,
		"SET search_path TO public":                                            SQLSession, // parsed by PostgreSQL
		"ALTER TABLE t ENGINE = InnoDB":                                        SQLSession,
		"ALTER TABLE `t` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin": SQLSession,
		"OPTIMIZE TABLE t":                                                     SQLSession,
		"ALTER TABLE t ENGINE = InnoDB, MODIFY c int":                          SQLOther,
		"ALTER TABLE t COMMENT = 'a;b'":                                        SQLOther,
	} {
		if st := ClassifySQL(sql).Statements[0]; st.Kind != want {
			t.Errorf("%s: %s %q, want %s", sql, st.Kind, st.Verb, want)
		}
	}
}

func TestClassifyPartition(t *testing.T) {
	for sql, parent := range map[string]string{
		"CREATE TABLE prefs_current PARTITION OF prefs FOR VALUES IN (true)":                   "prefs",
		"create table if not exists s.p_2024 partition of s.events for values from (1) to (2)": "events",
		"CREATE TABLE prefs_copy (LIKE prefs)":                                                 "",
	} {
		st := ClassifySQL(sql).Statements[0]
		if st.Kind != SQLCreateTable || st.Parent != parent {
			t.Errorf("%s: %s, parent %q, want %q", sql, st.Kind, st.Parent, parent)
		}
	}
}

func TestExecuteForms(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		op    string
		known bool
		kind  StatementKind
	}{
		{"implicit concatenation", `op.execute("UPDATE t " "SET a = 1")`, "execute", true, SQLUpdate},
		{"parenthesized literal", "op.execute((\n        \"DELETE FROM t\"\n    ))", "execute", true, SQLDelete},
		{"strip()", `op.execute("  DELETE FROM t  ".strip())`, "execute", true, SQLDelete},
		{"percent formatting of an unknown name", `op.execute("DELETE FROM %s" % table)`, "execute", false, ""},
		{"percent formatting of known strings", "t = 'a'\n    op.execute(\"DELETE FROM %s WHERE x = '%s' -- 100%%\" % (t, 'b'))", "execute", true, SQLDelete},
		{"percent formatting with %d", `op.execute("DELETE FROM t WHERE id = %d" % 5)`, "execute", false, ""},
		{"percent formatting short of values", `op.execute("DELETE FROM %s %s" % ("t",))`, "execute", false, ""},
		{"percent formatting with values left", `op.execute("DELETE FROM %s" % ("t", "u"))`, "execute", false, ""},
		{"format() by position and by name", "t = 'a'\n    op.execute(\"DELETE FROM {t} WHERE x = '{}' AND y = '{1}' -- {{}}\".format('b', 'c', t=t))", "execute", true, SQLDelete},
		{"format() of a concatenation of constants", "op.execute(\"ALTER TYPE {e} RENAME TO {tmp}\".format(e='kind', tmp='tmp_' + 'kind'))", "execute", true, SQLAlterType},
		{"format() of an unknown name", `op.execute("DELETE FROM {}".format(table))`, "execute", false, ""},
		{"format() with a conversion", `op.execute("DELETE FROM {!r}".format("t"))`, "execute", false, ""},
		{"format() of a mapping", `op.execute("DELETE FROM {t}".format(**names))`, "execute", false, ""},
		{"format() short of values", `op.execute("DELETE FROM {} {}".format("t"))`, "execute", false, ""},
		{"one of several values that all write rows", "if kind == 'a':\n        sql = 'UPDATE t SET a = 1'\n    else:\n        sql = \"DELETE FROM {}\".format(kind)\n    op.execute(sql)", "execute", false, ""},
		{"concatenation of a loop variable", "for t in ('a',):\n        op.execute('DROP TABLE ' + t)", "execute", true, SQLDropTable},
		{"a SQLAlchemy construct", `op.execute(sa.table("t").delete())`, "execute", false, ""},
		{"keyword sqltext", `op.execute(sqltext="DELETE FROM t")`, "execute", true, SQLDelete},
		{"no argument", `op.execute()`, "execute", false, ""},
		{"bindparams", `op.execute(sa.text("DELETE FROM t WHERE id = :id").bindparams(id=1))`, "execute", true, SQLDelete},
		{"connection from context", "conn = op.get_context().bind\n    conn.execute(\"DELETE FROM t\")", BindExecute, true, SQLDelete},
		{"session", `session.execute(sa.text("UPDATE t SET a = 1"))`, BindExecute, true, SQLUpdate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseSource(t, "from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    "+tt.body+"\n")
			if len(m.Upgrade.Ops) != 1 {
				t.Fatalf("ops = %v", opLines(m.Upgrade))
			}
			o := m.Upgrade.Ops[0]
			if o.Name != tt.op || o.SQL == nil || o.SQL.Known != tt.known {
				t.Fatalf("op = %s SQL = %+v", o.Name, o.SQL)
			}
			if tt.known && (len(o.SQL.Statements) != 1 || o.SQL.Statements[0].Kind != tt.kind) {
				t.Errorf("statements = %+v", o.SQL.Statements)
			}
		})
	}
}

// Statements and syntax errors point into the Python file, through prefixes,
// implicit concatenation, triple quotes and escapes.
func TestSQLPositions(t *testing.T) {
	src := "from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n" +
		"    op.execute(\"UPDATE a SET x = '\\t'; \" r'DELETE FROM b')\n" +
		"    op.execute(sa.DDL('''\n        CREATE INDEX ix ON t (a);\n        ALTER TABEL t ADD COLUMN c int\n    '''))\n" +
		"    op.execute(f\"UPDATE {table} SET x = 1\")\n" +
		"    op.execute(\"DELETE FROM %s WHERE id = 1\" % name)\n" +
		"    op.execute(\"ALTER TABLE {} DROP COLUMN x\".format(name))\n" +
		"    op.execute(LATER)\n" +
		"LATER = '''\n    UPDATE accounts SET plan = 'free' WHERE plan IS NULL AND created_at < now() - interval '1 year'\n'''\n"
	m := parseSource(t, src)
	ops := m.Upgrade.Ops
	if len(ops) != 6 {
		t.Fatalf("ops = %v", opLines(m.Upgrade))
	}
	text := func(sp Span) string { return src[sp.Start:sp.End] }
	first := ops[0].SQL.Statements
	if len(first) != 2 || text(first[0].Span) != `UPDATE a SET x = '\t'` || text(first[1].Span) != "DELETE FROM b" ||
		first[1].Span.StartLine != 5 || first[1].Span.StartCol != 44 {
		t.Errorf("concatenation: %+v", first)
	}
	ddl := ops[1].SQL
	if ddl.Err == nil || ddl.Err.Message != `syntax error at or near "TABEL"` || ddl.Err.Span.StartLine != 8 || ddl.Err.Span.StartCol != 15 {
		t.Errorf("DDL error = %+v", ddl.Err)
	}
	if len(ddl.Statements) != 2 || ddl.Statements[0].Kind != SQLCreateIndex || ddl.Statements[0].Span.StartLine != 7 || ddl.Statements[1].Kind != SQLOther {
		t.Errorf("DDL statements = %+v", ddl.Statements)
	}
	// a module constant's SQL (written after the call, longer than its name) is placed at the name
	if c := ops[5].SQL; len(c.Statements) != 1 || c.Statements[0].Kind != SQLUpdate || text(c.Statements[0].Span) != "LATER" {
		t.Errorf("constant: %+v", c)
	}
	for _, o := range ops[2:5] {
		if o.SQL.Known || !o.SQL.Partial || o.SQL.Err != nil || len(o.SQL.Statements) != 0 {
			t.Errorf("line %d: SQL with unknown parts = %+v", o.Stmt.StartLine, o.SQL)
		}
	}
}

// TestClassifyMaintenanceSQL: the fields the zero-downtime rules on LOCK,
// TRUNCATE, DROP DATABASE, VACUUM, CLUSTER and SET TABLESPACE read.
func TestClassifyMaintenanceSQL(t *testing.T) {
	tests := []struct {
		sql, verb, tables, lockMode, name string
		cascade                           bool
		action                            ActionKind
	}{
		{sql: "LOCK TABLE a", verb: "LOCK TABLE", tables: "a", lockMode: "ACCESS EXCLUSIVE"},
		{sql: "LOCK ONLY s.a, b IN SHARE ROW EXCLUSIVE MODE NOWAIT", verb: "LOCK TABLE", tables: "a,b", lockMode: "SHARE ROW EXCLUSIVE"},
		{sql: "TRUNCATE TABLE a, b RESTART IDENTITY", verb: "TRUNCATE", tables: "a,b"},
		{sql: "TRUNCATE a CASCADE", verb: "TRUNCATE", tables: "a", cascade: true},
		{sql: `DROP DATABASE IF EXISTS "Reports" WITH (FORCE)`, verb: "DROP DATABASE", name: "Reports"},
		{sql: "VACUUM (FULL, ANALYZE) a, b", verb: "VACUUM FULL", tables: "a,b"},
		{sql: "VACUUM a", verb: "VACUUM", tables: "a"},
		{sql: "CLUSTER a USING ix", verb: "CLUSTER"},
		{sql: "ALTER TABLE a SET TABLESPACE archive", action: SetTablespace},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			s := ClassifySQL(tt.sql)
			if len(s.Statements) != 1 {
				t.Fatalf("statements = %+v", s.Statements)
			}
			st := s.Statements[0]
			var action ActionKind
			if len(st.Actions) == 1 {
				action = st.Actions[0].Kind
			}
			if st.Verb != tt.verb || strings.Join(st.Tables, ",") != tt.tables || st.LockMode != tt.lockMode ||
				st.Name != tt.name || st.Cascade != tt.cascade || action != tt.action {
				t.Errorf("got verb %q tables %v lock %q name %q cascade %v action %q", st.Verb, st.Tables, st.LockMode, st.Name, st.Cascade, action)
			}
		})
	}
}

// A name given several values is followed when each only writes rows.
func TestRowsOfEveryValue(t *testing.T) {
	for _, tt := range []struct {
		body  string
		shape []StatementKind
	}{
		{"if kind == 'a':\n        sql = 'UPDATE t SET a = 1'\n    else:\n        sql = \"DELETE FROM {}\".format(kind)\n    op.execute(sql)",
			[]StatementKind{SQLUpdate, SQLDelete}},
		{"if kind == 'a':\n        sql = 'UPDATE t SET a = 1'\n    else:\n        sql = 'DROP TABLE t'\n    op.execute(sql)", nil},
		{"for sql in queries:\n        op.execute(sql)", nil},
	} {
		m := parseSource(t, "from alembic import op\n\ndef upgrade():\n    "+tt.body+"\n")
		o := m.Upgrade.Ops[len(m.Upgrade.Ops)-1]
		var got []StatementKind
		for _, st := range o.SQL.Shape {
			got = append(got, st.Kind)
		}
		if o.SQL.Known || !slices.Equal(got, tt.shape) {
			t.Errorf("%s:\n known %v, shape %v, want %v", tt.body, o.SQL.Known, got, tt.shape)
		}
	}
}

func TestStatementsThatChangeNoSchema(t *testing.T) {
	tests := []struct {
		sql  string
		kind StatementKind
	}{
		{"ALTER DATABASE DEFAULT CHARACTER SET utf8;", SQLSession},                     // MySQL: the default for new tables
		{"ALTER DATABASE app CHARACTER SET = utf8mb4 COLLATE utf8mb4_bin", SQLSession}, //
		{"SET CONSTRAINTS fk_items_owner DEFERRED", SQLSession},                        // when deferrable keys are checked
		{"SELECT TABLE_NAME FROM x LIMIT 0, 100;", SQLSelect},                          // MySQL's LIMIT: rows read
		{"SELECT AddGeometryColumn('a', 'b') LIMIT 0, 1", SQLOther},                    // adds a column
		{"SELECT a INTO b FROM c LIMIT 0, 1", SQLOther},                                // makes a table, or writes variables
	}
	for _, tt := range tests {
		s := ClassifySQL(tt.sql)
		if len(s.Statements) != 1 || s.Statements[0].Kind != tt.kind {
			t.Errorf("%q: %+v, want one statement of kind %s", tt.sql, s.Statements, tt.kind)
		}
	}
}
