"""exclusive-maintenance: the locks of REINDEX, CLUSTER, SET TABLESPACE and
VACUUM FULL. In a transaction REINDEX holds SHARE on the table and ACCESS
EXCLUSIVE on the index: INSERT waits, and so does SELECT (planning it opens the
table's indexes); CLUSTER and SET TABLESPACE hold ACCESS
EXCLUSIVE on the table (SELECT waits). VACUUM FULL and REINDEX CONCURRENTLY
cannot run in a transaction; VACUUM FULL waits for a session that only reads
the table (ACCESS EXCLUSIVE), plain VACUUM does not."""
import claimlib as c

out = {}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE events (id integer PRIMARY KEY, kind text)")
    cur.execute("CREATE INDEX ix_events_kind ON events (kind)")
    cur.execute("INSERT INTO events SELECT g, 'k' || (g % 10) FROM generate_series(1, 1000) AS g")
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))

migration = c.connect("migration")
migration_pid = c.pid(migration)
app = c.connect("app", autocommit=True)
insert = "INSERT INTO events VALUES ((SELECT max(id) + 1 FROM events), 'new')"

out["reindex"] = c.attempt(migration, "REINDEX TABLE events")
out["reindex_table_locks"] = c.locks(admin, migration_pid, "events")
out["reindex_index_locks"] = c.locks(admin, migration_pid, "ix_events_kind")
out["reindex_insert_during"] = c.attempt(app, insert, lock_timeout_ms=300)
out["reindex_select_during"] = c.attempt(app, "SELECT count(*) FROM events", lock_timeout_ms=300)
migration.commit()
out["reindex_concurrently_in_transaction"] = c.attempt(migration, "REINDEX TABLE CONCURRENTLY events")

for name, sql in (("cluster", "CLUSTER events USING ix_events_kind"), ("set_tablespace", "ALTER TABLE events SET TABLESPACE pg_default")):
    out[name] = c.attempt(migration, sql)
    out[name + "_locks"] = c.locks(admin, migration_pid, "events")
    out[name + "_select_during"] = c.attempt(app, "SELECT count(*) FROM events", lock_timeout_ms=300)
    migration.commit()

out["vacuum_full_in_transaction"] = c.attempt(migration, "VACUUM FULL events")
migration.autocommit = True
reader = c.connect("reader")
c.one(reader, "SELECT count(*) FROM events")  # holds ACCESS SHARE until it ends
out["vacuum_full_while_read"] = c.attempt(migration, "VACUUM FULL events", lock_timeout_ms=300)
out["vacuum_while_read"] = c.attempt(migration, "VACUUM events", lock_timeout_ms=300)
reader.rollback()
out["vacuum_full_after_read"] = c.attempt(migration, "VACUUM FULL events", lock_timeout_ms=300)
c.report(out)
