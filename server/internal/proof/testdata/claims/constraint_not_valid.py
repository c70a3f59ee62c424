"""constraint-not-valid: ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE and checks
every row; with NOT VALID it skips the check, and VALIDATE CONSTRAINT then takes
only SHARE UPDATE EXCLUSIVE, so writes go on."""
import claimlib as c

out = {}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE parent (id integer PRIMARY KEY)")
    cur.execute("CREATE TABLE child (id integer PRIMARY KEY, parent_id integer)")
    cur.execute("INSERT INTO parent SELECT g FROM generate_series(1, 1000) AS g")
    cur.execute("INSERT INTO child SELECT g, g FROM generate_series(1, 1000) AS g")
    cur.execute("INSERT INTO child VALUES (1000000, 424242)")  # an orphan

ADD_FK = "ALTER TABLE child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent (id)"
migration = c.connect("migration")
migration_pid = c.pid(migration)
app = c.connect("app", autocommit=True)

# 1. Without NOT VALID, existing rows are checked: the orphan makes it fail.
out["add_fk_with_orphan"] = c.attempt(migration, ADD_FK)
migration.rollback()
c.attempt(admin, "DELETE FROM child WHERE id = 1000000")

# 2. Its locks, while the migration's transaction is open.
out["add_fk"] = c.attempt(migration, ADD_FK)
out["add_fk_locks_child"] = c.locks(admin, migration_pid, "child")
out["add_fk_locks_parent"] = c.locks(admin, migration_pid, "parent")
out["insert_child_during_add_fk"] = c.attempt(app, "INSERT INTO child VALUES (2000000, 1)", lock_timeout_ms=500)
migration.rollback()

# 3. NOT VALID: no check of existing rows (the orphan is accepted).
c.attempt(admin, "INSERT INTO child VALUES (1000000, 424242)")
out["add_fk_not_valid"] = c.attempt(migration, ADD_FK + " NOT VALID")
out["add_fk_not_valid_locks_child"] = c.locks(admin, migration_pid, "child")
migration.commit()
out["convalidated_after_not_valid"] = c.one(admin, "SELECT convalidated FROM pg_constraint WHERE conname = 'child_parent_id_fkey'")
out["validate_with_orphan"] = c.attempt(migration, "ALTER TABLE child VALIDATE CONSTRAINT child_parent_id_fkey")
migration.rollback()
c.attempt(admin, "DELETE FROM child WHERE id = 1000000")

# 4. VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE; the app keeps writing.
out["validate"] = c.attempt(migration, "ALTER TABLE child VALIDATE CONSTRAINT child_parent_id_fkey")
out["validate_locks_child"] = c.locks(admin, migration_pid, "child")
out["validate_locks_parent"] = c.locks(admin, migration_pid, "parent")
out["insert_child_during_validate"] = c.attempt(app, "INSERT INTO child VALUES (3000000, 2)", lock_timeout_ms=2000)
migration.commit()
out["convalidated_after_validate"] = c.one(admin, "SELECT convalidated FROM pg_constraint WHERE conname = 'child_parent_id_fkey'")
c.report(out)
