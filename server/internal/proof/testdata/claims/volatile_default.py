"""volatile-default: ADD COLUMN with a volatile DEFAULT rewrites the table
(new relfilenode); a constant or a stable default such as now() does not
(PostgreSQL 11+ stores it as the column's missing value)."""
import claimlib as c

out = {"columns": []}
admin = c.connect("admin", autocommit=True)
with admin.cursor() as cur:
    cur.execute("CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL)")
    cur.execute("INSERT INTO items SELECT g, 'item-' || g FROM generate_series(1, 5000) AS g")
    cur.execute("SET client_min_messages = debug1")
out["server_version_num"] = int(c.one(admin, "SHOW server_version_num"))

COLUMNS = [
    ("created_at", "timestamptz", "now()"),
    ("quantity", "integer", "0"),
    ("label", "text", "'none'"),
    ("score", "double precision", "random()"),
    ("public_id", "uuid", "gen_random_uuid()"),
    ("seen_at", "timestamptz", "clock_timestamp()"),
]
relfilenode = "SELECT relfilenode FROM pg_class WHERE oid = 'items'::regclass"
for name, type_, default in COLUMNS:
    before = c.one(admin, relfilenode)
    del admin.notices[:]
    result = c.attempt(admin, "ALTER TABLE items ADD COLUMN %s %s DEFAULT %s" % (name, type_, default))
    after = c.one(admin, relfilenode)
    out["columns"].append({
        "default": default,
        "result": result,
        "rewritten": before != after,
        "debug": c.debug_messages(admin),
        "distinct_values": c.one(admin, "SELECT count(DISTINCT %s) FROM items" % name),
    })
# Columns that fill themselves for every existing row: serial, identity.
out["filled"] = []
for name, definition in [("seq", "bigserial"), ("ident", "bigint GENERATED ALWAYS AS IDENTITY")]:
    before = c.one(admin, relfilenode)
    result = c.attempt(admin, "ALTER TABLE items ADD COLUMN %s %s" % (name, definition))
    out["filled"].append({"definition": definition, "result": result, "rewritten": before != c.one(admin, relfilenode)})
c.report(out)
