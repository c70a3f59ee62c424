"""set-not-null-scan: ALTER COLUMN SET NOT NULL holds ACCESS EXCLUSIVE while it
scans the table; a validated CHECK (col IS NOT NULL) lets PostgreSQL skip the
scan."""
import claimlib as c

out = {}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE users (id integer PRIMARY KEY, email text)")
    cur.execute("INSERT INTO users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 20000) AS g")
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))

migration = c.connect("migration")
migration_pid = c.pid(migration)
with migration.cursor() as cur:
    cur.execute("SET client_min_messages = debug1")
migration.commit()
app = c.connect("app", autocommit=True)

# 1. Plain SET NOT NULL, transaction left open.
del migration.notices[:]
out["set_not_null"] = c.attempt(migration, "ALTER TABLE users ALTER COLUMN email SET NOT NULL")
out["set_not_null_debug"] = c.debug_messages(migration)
out["set_not_null_locks"] = c.locks(admin, migration_pid, "users")
out["select_during_set_not_null"] = c.attempt(app, "SELECT count(*) FROM users", lock_timeout_ms=500)
out["insert_during_set_not_null"] = c.attempt(app, "INSERT INTO users VALUES (100000, 'x@example.com')", lock_timeout_ms=500)
migration.rollback()

# 2. The safe sequence: CHECK NOT VALID -> VALIDATE -> SET NOT NULL.
out["add_check_not_valid"] = c.attempt(
    admin, "ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID"
)
out["validate_check"] = c.attempt(admin, "ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null")
del migration.notices[:]
out["set_not_null_with_check"] = c.attempt(migration, "ALTER TABLE users ALTER COLUMN email SET NOT NULL")
out["set_not_null_with_check_debug"] = c.debug_messages(migration)
migration.commit()
out["email_not_null"] = c.one(admin, "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'email'")
c.report(out)
