package effect

import (
	"context"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
)

// effectsOf parses an upgrade() body and lists the effects of its operations, one line each.
func effectsOf(t *testing.T, names naming.Namer, body string) []string {
	t.Helper()
	src := "from alembic import op\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql\n\n" +
		"revision = \"a1\"\ndown_revision = None\n\n\ndef upgrade():\n    " + strings.ReplaceAll(body, "\n", "\n    ") + "\n"
	m, err := migration.Parse(context.Background(), "a1_rev.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range m.Upgrade.Ops {
		for _, e := range Of(names, m, o) {
			s := e.String()
			if e.Unreadable {
				s += " (unreadable)"
			}
			if e.BySQL() {
				s += " [sql]"
			}
			out = append(out, s)
		}
	}
	return out
}

func TestOpCallsAndSQLAgree(t *testing.T) {
	// the same changes written as op calls and as SQL give the same effects
	calls := effectsOf(t, naming.Namer{}, `op.create_table("t", sa.Column("id", sa.Integer()))
op.add_column("t", sa.Column("c", sa.Text()))
op.alter_column("t", "c", nullable=False)
op.create_index("ix_t_c", "t", ["c"])
op.create_unique_constraint("uq_t_c", "t", ["c"])
op.drop_constraint("uq_t_c", "t", type_="unique")
op.drop_index("ix_t_c")
op.alter_column("t", "c", new_column_name="d")
op.drop_column("t", "d")
op.rename_table("t", "u")
op.drop_table("u")`)
	sql := effectsOf(t, naming.Namer{}, `op.execute("CREATE TABLE t (id integer)")
op.execute("ALTER TABLE t ADD COLUMN c text")
op.execute("ALTER TABLE t ALTER COLUMN c SET NOT NULL")
op.execute("CREATE INDEX ix_t_c ON t (c)")
op.execute("ALTER TABLE t ADD CONSTRAINT uq_t_c UNIQUE (c)")
op.execute("ALTER TABLE t DROP CONSTRAINT uq_t_c")
op.execute("DROP INDEX ix_t_c")
op.execute("ALTER TABLE t RENAME COLUMN c TO d")
op.execute("ALTER TABLE t DROP COLUMN d")
op.execute("ALTER TABLE t RENAME TO u")
op.execute("DROP TABLE u")`)
	want := []string{"create table on t", "create column c on t", "alter column c on t", "create index ix_t_c on t",
		"create constraint uq_t_c on t", "drop constraint uq_t_c on t", "drop index ix_t_c", "rename column c on t to d",
		"drop column d on t", "rename table on t to u", "drop table on u"}
	if len(calls) != len(want) || len(sql) != len(want) {
		t.Fatalf("op calls: %q\nSQL: %q\nwant %d effects each", calls, sql, len(want))
	}
	for i, w := range want {
		if calls[i] != w || sql[i] != w+" [sql]" {
			t.Errorf("effect %d: op call %q, SQL %q, want %q", i, calls[i], sql[i], w)
		}
	}
}

func TestEffects(t *testing.T) {
	ix := naming.Namer{Convention: &naming.Convention{Templates: map[string]string{"ix": "ix_%(column_0_label)s", "ck": "ck_%(table_name)s_%(constraint_name)s"}}}
	for _, c := range []struct {
		name  string
		names naming.Namer
		body  string
		want  []string
	}{
		{"enum types create_table makes come first", naming.Namer{},
			`op.create_table("t", sa.Column("s", postgresql.ENUM("a", "b", name="status")))`,
			[]string{"create type status", "create table on t"}},
		{"schema", naming.Namer{}, `op.add_column("t", sa.Column("c", sa.Text()), schema="s")`,
			[]string{"create column c on s.t"}},
		{"names through the naming convention", ix,
			`op.create_index(None, "t", ["c"])
op.create_check_constraint("positive", "t", "c > 0")`,
			[]string{"create index ix_t_c on t", "create constraint ck_t_positive on t"}},
		{"unreadable names; a table dropped or renamed under one may be any", naming.Namer{}, `op.drop_table(name)
op.rename_table(name, "logs")
op.rename_table("logs", new_name)
op.drop_index(f"ix_{x}")`,
			[]string{"alter anything", "alter anything", "alter anything", "drop index (unreadable)"}},
		{"enum values, types and rows", naming.Namer{}, `op.execute("ALTER TYPE status ADD VALUE 'c'; ALTER TYPE status RENAME TO state")
op.execute("UPDATE t SET c = 1; DELETE FROM t WHERE c = 2; INSERT INTO t VALUES (1); TRUNCATE u")`,
			[]string{"create value c [sql]", "rename type status to state [sql]",
				"alter rows on t [sql]", "drop rows on t (where) [sql]", "create rows on t [sql]", "drop rows on u [sql]"}},
		{"temporary tables, IF NOT EXISTS, CASCADE", naming.Namer{},
			`op.execute("CREATE TEMP TABLE tmp (id int); CREATE INDEX IF NOT EXISTS ix ON t (c); DROP TABLE t CASCADE")`,
			[]string{"create table on tmp (temporary) [sql]", "create index ix on t (if missing) [sql]", "drop table on t (cascade) [sql]"}},
		{"views, sequences, transaction control", naming.Namer{},
			`op.execute("CREATE VIEW v AS SELECT 1; DROP MATERIALIZED VIEW w; CREATE SEQUENCE s; COMMIT; CREATE SCHEMA n; DROP SCHEMA n CASCADE")`,
			[]string{"create view v [sql]", "drop view w [sql]", "create sequence s [sql]", "alter transaction COMMIT [sql]", "create schema n [sql]", "drop schema n (cascade) [sql]"}},
		{"sqlalchemy-searchable's triggers fill rows; an application's function of that name may do anything", naming.Namer{},
			`import sqlalchemy_searchable as ss
from app.search import sync_trigger
ss.sync_trigger(conn, "queries", "search_vector", ["name"])
ss.drop_trigger(conn, "queries", "search_vector")
sync_trigger(conn, "queries", "search_vector", ["name"])`,
			[]string{"alter rows on queries", "alter anything"}},
		{"SQL that is not known may change anything", naming.Namer{}, `op.execute(f"DROP TABLE {name}")
op.execute("DO $$ BEGIN EXECUTE 'DROP TABLE ' || current_setting('app.table'); END $$")
op.execute("DO $$ BEGIN CREATE TYPE mood AS ENUM ('ok'); EXCEPTION WHEN duplicate_object THEN null; END $$")`,
			[]string{"alter anything", "alter anything [sql]", "create type mood (if missing) [sql]"}},
		{"a sequence or a table whose name is not read", naming.Namer{}, `op.execute(CreateSequence(sequence))
op.create_table(f"{prefix}logs", sa.Column("id", sa.Integer))
op.create_table(f"{prefix}moods", sa.Column("mood", sa.Enum("sad", "ok", name="mood")))`,
			[]string{"create sequence (unreadable) [sql]", "create table (unreadable)", "alter anything"}},
		{"rows of DML PostgreSQL cannot parse, of tables not known; an ALTER TABLE it cannot parse changes that table (but for table options)", naming.Namer{},
			"op.execute(\"DELETE l FROM lines l JOIN orders o ON o.id = l.order_id; UPDATE `t` JOIN u ON u.id = t.id SET t.c = u.c; INSERT IGNORE INTO t VALUES (1)\")\n" +
				"op.execute(\"REPLACE INTO t VALUES (1); ALTER TABLE t ENGINE = InnoDB; ALTER TABLE t MODIFY c varchar(20) NOT NULL\")\n" +
				"op.execute(\"ALTER TABLE t RENAME TO u, ALGORITHM=COPY\")",
			[]string{"drop rows (unreadable) [sql]", "alter rows (unreadable) [sql]", "create rows (unreadable) [sql]",
				"create rows (unreadable) [sql]", "alter table on t [sql]", "alter anything [sql]"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := effectsOf(t, c.names, c.body)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}
