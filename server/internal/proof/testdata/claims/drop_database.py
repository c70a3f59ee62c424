"""drop-database: DROP DATABASE cannot run inside a transaction block; outside
one it fails while another session is connected to the database, and WITH
(FORCE) (PostgreSQL 13+) ends that session and drops it."""
import psycopg2

import claimlib as c

out = {}
admin = c.connect("admin", autocommit=True)
victim = c.one(admin, "SELECT current_database()") + "_victim"
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))
with admin.cursor() as cur:
    cur.execute('CREATE DATABASE "%s"' % victim)

app = psycopg2.connect(c.dsn(), dbname=victim, application_name="proof-app", connect_timeout=10)
app.autocommit = True

migration = c.connect("migration")
out["in_transaction"] = c.attempt(migration, 'DROP DATABASE "%s"' % victim)
migration.autocommit = True
out["while_connected"] = c.attempt(migration, 'DROP DATABASE "%s"' % victim)
out["force"] = c.attempt(migration, 'DROP DATABASE "%s" WITH (FORCE)' % victim)
out["exists_after"] = bool(c.one(admin, "SELECT count(*) FROM pg_database WHERE datname = %s", (victim,)))
out["app_after"] = c.attempt(app, "SELECT 1")
with admin.cursor() as cur:
    cur.execute('DROP DATABASE IF EXISTS "%s"' % victim)
c.report(out)
