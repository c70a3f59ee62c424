"""index-not-concurrent: CREATE INDEX blocks writes until its transaction ends;
CREATE INDEX CONCURRENTLY does not."""
import threading

import claimlib as c

out = {}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE events (id serial PRIMARY KEY, kind text NOT NULL)")
    cur.execute("INSERT INTO events (kind) SELECT 'kind-' || (g % 10) FROM generate_series(1, 20000) AS g")
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))

# 1. CREATE INDEX inside the migration's transaction, which stays open.
migration = c.connect("migration")
migration_pid = c.pid(migration)
with migration.cursor() as cur:
    cur.execute("CREATE INDEX ix_events_kind ON events (kind)")
out["create_index_locks"] = c.locks(admin, migration_pid, "events")
app = c.connect("app", autocommit=True)
out["insert_during_create_index"] = c.attempt(app, "INSERT INTO events (kind) VALUES ('new')", lock_timeout_ms=500)
out["select_during_create_index"] = c.attempt(app, "SELECT count(*) FROM events", lock_timeout_ms=500)
migration.commit()
out["insert_after_commit"] = c.attempt(app, "INSERT INTO events (kind) VALUES ('new')", lock_timeout_ms=500)

# 2. CREATE INDEX CONCURRENTLY. An open writer transaction makes it wait in its
# first phase, so the build is observably in progress while the app writes.
writer = c.connect("writer")
with writer.cursor() as cur:
    cur.execute("INSERT INTO events (kind) VALUES ('open-transaction')")
cic = c.connect("cic", autocommit=True)
cic_pid = c.pid(cic)
cic_result = {}


def build():
    cic_result.update(c.attempt(cic, "CREATE INDEX CONCURRENTLY ix_events_kind_cc ON events (kind)"))


thread = threading.Thread(target=build, daemon=True)
thread.start()


def cic_phase():
    with admin.cursor() as cur:
        cur.execute("SELECT phase FROM pg_stat_progress_create_index WHERE pid = %s", (cic_pid,))
        row = cur.fetchone()
        return row[0] if row else None


WAITING = "waiting for writers before build"


def cic_waiting():
    if not thread.is_alive():
        raise SystemExit("CREATE INDEX CONCURRENTLY ended before the writer committed: %r" % (cic_result,))
    return cic_phase() == WAITING and WAITING


out["cic_phase_before_insert"] = c.wait_until("CREATE INDEX CONCURRENTLY to wait for the open writer", cic_waiting)
out["cic_locks"] = c.locks(admin, cic_pid, "events")
out["insert_during_cic"] = c.attempt(app, "INSERT INTO events (kind) VALUES ('during-cic')", lock_timeout_ms=2000)
out["cic_phase_after_insert"] = cic_phase()
writer.commit()
thread.join(timeout=30)
out["cic_finished"] = not thread.is_alive()
out["cic_result"] = cic_result
out["cic_index_valid"] = c.one(
    admin,
    "SELECT coalesce(bool_and(indisvalid), false) FROM pg_index WHERE indexrelid = to_regclass('ix_events_kind_cc')",
)
c.report(out)
