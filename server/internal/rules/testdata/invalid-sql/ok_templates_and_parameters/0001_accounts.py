"""accounts

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None

TABLE = "accounts"


def upgrade():
    op.execute("CREATE TABLE accounts (id serial PRIMARY KEY, email text, kind text)")
    op.execute(sa.text("UPDATE accounts SET email = :email WHERE id = :id AND kind::text = 'a:b'").bindparams(email="x", id=1))
    op.get_bind().exec_driver_sql("UPDATE accounts SET kind = %(kind)s WHERE id = %s", {"kind": "x"})
    op.execute(f"ALTER TABLE {TABLE} ADD COLUMN {name} {kind}")
    op.execute("ALTER TABLE %s ADD COLUMN %s" % (TABLE, column))
    op.execute("ALTER {} accounts".format(kind))
    op.execute("UPDATE {{ table }} SET email = '{% raw %}'")
    op.execute("\\copy accounts FROM 'accounts.csv' CSV")
    op.execute("""
        CREATE FUNCTION touch() RETURNS trigger AS $$
        BEGIN NEW.email := lower(NEW.email); RETURN NEW; END; $$ LANGUAGE plpgsql;
        DO $body$ BEGIN PERFORM 1; END $body$;
        COMMENT ON TABLE accounts IS 'it''s -- fine; really'
    """)


def downgrade():
    op.execute("DROP TABLE accounts")
