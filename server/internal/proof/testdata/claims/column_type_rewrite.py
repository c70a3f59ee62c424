"""column-type-rewrite: ALTER COLUMN ... TYPE rewrites the table (new
relfilenode) unless the old values are valid as they are in the new type: a
wider or unbounded varchar, varchar to text, more numeric precision. A
rewrite holds ACCESS EXCLUSIVE for its whole length: even SELECT waits."""
import claimlib as c

out = {"changes": []}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE items (id integer PRIMARY KEY, n integer, code varchar(50), body text, price numeric(10, 2),"
                " doc json, seen timestamp, tags varchar(20)[])")
    cur.execute("INSERT INTO items SELECT g, g, 'c' || g, 'b' || g, g / 100.0, '{}', now(), ARRAY['t'] FROM generate_series(1, 2000) AS g")
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))
relfilenode = "SELECT relfilenode FROM pg_class WHERE oid = 'items'::regclass"

CHANGES = [  # (column, new type, session TimeZone or None)
    ("n", "bigint", None),
    ("code", "varchar(100)", None),
    ("code", "varchar", None),
    ("code", "text", None),
    ("body", "varchar", None),
    ("body", "varchar(200)", None),
    ("price", "numeric(12, 2)", None),
    ("price", "numeric(12, 4)", None),
    ("doc", "jsonb", None),
    ("seen", "timestamptz", "UTC"),
    ("seen", "timestamp", "Europe/Paris"),
    ("tags", "varchar(40)[]", None),
    ("tags", "text[]", None),
]
migration = c.connect("migration")
migration_pid = c.pid(migration)
app = c.connect("app", autocommit=True)
for column, type_, tz in CHANGES:
    if tz:
        c.attempt(migration, "SET TimeZone = '%s'" % tz)
    before = c.one(admin, relfilenode)
    result = c.attempt(migration, "ALTER TABLE items ALTER COLUMN %s TYPE %s" % (column, type_))
    locks = c.locks(admin, migration_pid, "items")
    select = c.attempt(app, "SELECT count(*) FROM items", lock_timeout_ms=300)
    migration.commit()
    out["changes"].append({"change": "%s %s" % (column, type_), "timezone": tz, "result": result, "locks": locks,
                           "select_during": select, "rewritten": before != c.one(admin, relfilenode)})
c.report(out)
