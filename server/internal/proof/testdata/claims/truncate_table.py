"""truncate-table: TRUNCATE holds ACCESS EXCLUSIVE on the table until the
transaction ends, so another session's SELECT waits; with CASCADE it takes the
same lock on the tables that reference it and empties them too."""
import claimlib as c

out = {}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE users (id integer PRIMARY KEY)")
    cur.execute("CREATE TABLE orders (id integer PRIMARY KEY, user_id integer REFERENCES users)")
    cur.execute("INSERT INTO users SELECT g FROM generate_series(1, 100) AS g")
    cur.execute("INSERT INTO orders SELECT g, g FROM generate_series(1, 100) AS g")
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))

migration = c.connect("migration")
migration_pid = c.pid(migration)
app = c.connect("app", autocommit=True)

out["truncate_plain"] = c.attempt(migration, "TRUNCATE users")  # refused: orders references it
out["truncate"] = c.attempt(migration, "TRUNCATE orders")
out["truncate_locks"] = c.locks(admin, migration_pid, "orders")
out["select_during"] = c.attempt(app, "SELECT count(*) FROM orders", lock_timeout_ms=300)
migration.rollback()
out["truncate_cascade"] = c.attempt(migration, "TRUNCATE users CASCADE")
out["cascade_users_locks"] = c.locks(admin, migration_pid, "users")
out["cascade_orders_locks"] = c.locks(admin, migration_pid, "orders")
out["select_orders_during_cascade"] = c.attempt(app, "SELECT count(*) FROM orders", lock_timeout_ms=300)
migration.commit()
out["orders_after_cascade"] = int(c.one(admin, "SELECT count(*) FROM orders"))
c.report(out)
