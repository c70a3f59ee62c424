"""backward-incompatible: RENAME COLUMN, DROP COLUMN, RENAME TO and DROP TABLE
hold ACCESS EXCLUSIVE until commit without rewriting the table (a catalog
change); afterwards the queries of the release still running fail with
undefined_column / undefined_table."""
import claimlib as c

out = {}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE users (id integer PRIMARY KEY, name text, age integer)")
    cur.execute("CREATE TABLE sessions (id integer PRIMARY KEY)")
    cur.execute("CREATE TABLE logs (id integer PRIMARY KEY)")
    cur.execute("INSERT INTO users SELECT g, 'u' || g, g FROM generate_series(1, 2000) AS g")
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))
relfilenode = "SELECT relfilenode FROM pg_class WHERE oid = 'users'::regclass"

migration = c.connect("migration")
migration_pid = c.pid(migration)
app = c.connect("app", autocommit=True)
before = c.one(admin, relfilenode)
STEPS = [  # (name, statement, table locked, the old release's query)
    ("rename_column", "ALTER TABLE users RENAME COLUMN name TO full_name", "users", "SELECT name FROM users LIMIT 1"),
    ("drop_column", "ALTER TABLE users DROP COLUMN age", "users", "SELECT age FROM users LIMIT 1"),
    ("rename_table", "ALTER TABLE sessions RENAME TO user_sessions", "sessions", "SELECT id FROM sessions LIMIT 1"),
    ("drop_table", "DROP TABLE logs", "logs", "SELECT id FROM logs LIMIT 1"),
]
for name, sql, table, query in STEPS:
    oid = c.one(admin, "SELECT %s::regclass::oid", (table,))
    out[name] = c.attempt(migration, sql)
    with admin.cursor() as cur:
        cur.execute("SELECT mode FROM pg_locks WHERE pid = %s AND locktype = 'relation' AND relation = %s AND granted ORDER BY mode",
                    (migration_pid, oid))
        out[name + "_locks"] = [r[0] for r in cur.fetchall()]
    out[name + "_query_during"] = c.attempt(app, query, lock_timeout_ms=300)
    migration.commit()
    out[name + "_query_after"] = c.attempt(app, query, lock_timeout_ms=300)
out["rewritten"] = before != c.one(admin, relfilenode)
c.report(out)
