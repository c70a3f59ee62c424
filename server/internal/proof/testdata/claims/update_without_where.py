"""update-without-where: an UPDATE without WHERE writes a new version of every
row and keeps each row locked until the transaction ends: a second session's
UPDATE of any row waits, its SELECT does not. After ADD COLUMN in the same
transaction (a backfill) the SELECT waits too: the ALTER's ACCESS EXCLUSIVE
lock lasts until commit."""
import claimlib as c

out = {}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE users (id integer PRIMARY KEY, plan text)")
    cur.execute("INSERT INTO users SELECT g, NULL FROM generate_series(1, 20000) AS g")
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))
out["pages_before"] = int(c.one(admin, "SELECT pg_relation_size('users') / current_setting('block_size')::int"))

migration = c.connect("migration")
migration_pid = c.pid(migration)
app = c.connect("app", autocommit=True)

out["update"] = c.attempt(migration, "UPDATE users SET plan = 'free'")
out["update_locks"] = c.locks(admin, migration_pid, "users")
out["rows_written"] = int(c.one(migration, "SELECT count(*) FROM users WHERE xmin::text::bigint = txid_current() % 4294967296"))
out["update_one_row_during"] = c.attempt(app, "UPDATE users SET plan = 'pro' WHERE id = 12345", lock_timeout_ms=500)
out["select_during"] = c.attempt(app, "SELECT count(*) FROM users", lock_timeout_ms=500)
migration.commit()
out["update_one_row_after"] = c.attempt(app, "UPDATE users SET plan = 'pro' WHERE id = 12345", lock_timeout_ms=500)
out["pages_after"] = int(c.one(admin, "SELECT pg_relation_size('users') / current_setting('block_size')::int"))

# A backfill of a column the same transaction added.
out["backfill"] = c.attempt(migration, "ALTER TABLE users ADD COLUMN tier text")
out["backfill_update"] = c.attempt(migration, "UPDATE users SET tier = 'basic'")
out["backfill_locks"] = c.locks(admin, migration_pid, "users")
out["select_during_backfill"] = c.attempt(app, "SELECT count(*) FROM users", lock_timeout_ms=500)
migration.commit()
out["select_after_backfill"] = c.attempt(app, "SELECT count(*) FROM users", lock_timeout_ms=500)
c.report(out)
