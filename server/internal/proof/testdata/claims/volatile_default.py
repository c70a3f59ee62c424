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
# The same through Alembic's op.add_column, as migrations write it: which
# column spellings PostgreSQL fills for every row (a rewrite), and which are
# plain columns (or fail, being NOT NULL without a value).
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

admin.cursor().execute("CREATE SEQUENCE items_seq")
engine = sa.create_engine("postgresql+psycopg2://", creator=lambda: c.connect("alembic"), poolclass=sa.pool.NullPool)
OPS = {
    "identity": lambda: sa.Column("op_identity", sa.BigInteger(), sa.Identity()),
    "computed": lambda: sa.Column("op_computed", sa.Integer(), sa.Computed("id * 2")),
    "integer_primary_key": lambda: sa.Column("op_serial", sa.Integer(), primary_key=True),
    "sequence_next_value": lambda: sa.Column("op_next", sa.Integer(), server_default=sa.Sequence("items_seq").next_value()),
    "sequence_argument": lambda: sa.Column("op_seq_arg", sa.Integer(), sa.Sequence("items_seq")),
    "primary_key_with_sequence": lambda: sa.Column("op_pk_seq", sa.Integer(), sa.Sequence("items_seq"), primary_key=True),
    "primary_key_foreign_key": lambda: sa.Column("op_pk_fk", sa.Integer(), sa.ForeignKey("items.id"), primary_key=True),
    "primary_key_no_autoincrement": lambda: sa.Column("op_pk_manual", sa.Integer(), primary_key=True, autoincrement=False),
}
out["alembic"] = {}
for case, column in OPS.items():
    before = c.one(admin, relfilenode)
    with engine.connect() as conn:
        trans = conn.begin()
        statements = []
        sa.event.listen(conn, "before_cursor_execute", lambda *a: statements.append(a[2]))
        try:
            Operations(MigrationContext.configure(conn)).add_column("items", column())
            trans.commit()
            result = {"ok": True}
        except sa.exc.DBAPIError as e:
            trans.rollback()
            result = {"ok": False, "pgcode": e.orig.pgcode, "error": str(e.orig).strip()}
    out["alembic"][case] = {"result": result, "sql": statements, "rewritten": before != c.one(admin, relfilenode)}
c.report(out)
