"""lock-table: LOCK TABLE holds its mode until the transaction ends. SHARE
(and stronger) blocks another session's INSERT, not its SELECT; ACCESS
EXCLUSIVE (the default) blocks the SELECT too; ROW EXCLUSIVE blocks neither.
While LOCK waits for a session that reads the table, a new SELECT queues behind
it."""
import threading

import claimlib as c

out = {}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE accounts (id integer PRIMARY KEY, balance integer)")
    cur.execute("INSERT INTO accounts SELECT g, 0 FROM generate_series(1, 100) AS g")
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))

migration = c.connect("migration")
migration_pid = c.pid(migration)
app = c.connect("app", autocommit=True)
insert = "INSERT INTO accounts VALUES ((SELECT max(id) + 1 FROM accounts), 0)"

for mode in ("ROW EXCLUSIVE", "SHARE", "ACCESS EXCLUSIVE"):
    key = mode.lower().replace(" ", "_")
    out[key] = c.attempt(migration, "LOCK TABLE accounts IN %s MODE" % mode)
    out[key + "_locks"] = c.locks(admin, migration_pid, "accounts")
    out[key + "_insert_during"] = c.attempt(app, insert, lock_timeout_ms=300)
    out[key + "_select_during"] = c.attempt(app, "SELECT count(*) FROM accounts", lock_timeout_ms=300)
    migration.commit()
out["insert_after"] = c.attempt(app, insert, lock_timeout_ms=300)

reader = c.connect("reader")
c.one(reader, "SELECT count(*) FROM accounts")  # holds ACCESS SHARE until it ends
waiting = {}
locker = threading.Thread(target=lambda: waiting.update(c.attempt(migration, "LOCK TABLE accounts")))
locker.start()
c.wait_until("LOCK TABLE to wait", lambda: c.one(admin, "SELECT count(*) FROM pg_locks WHERE pid = %s AND NOT granted", (migration_pid,)))
out["select_while_lock_waits"] = c.attempt(app, "SELECT count(*) FROM accounts", lock_timeout_ms=300)
reader.rollback()
locker.join(timeout=15)
out["lock_after_reader"] = waiting
migration.commit()
c.report(out)
