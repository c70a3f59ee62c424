"""backfill and raw SQL

Revision ID: 0d1e2f3a4b5c
Revises: 9c0d1e2f3a4b
"""
import textwrap

from alembic import op
import sqlalchemy as sa
from sqlalchemy import text

revision = "0d1e2f3a4b5c"
down_revision = "9c0d1e2f3a4b"

BACKFILL = "UPDATE accounts SET plan = 'free' WHERE plan IS NULL"


def upgrade():
    op.execute("ALTER TYPE account_status ADD VALUE IF NOT EXISTS 'suspended'")
    op.execute(sa.text("DELETE FROM sessions WHERE expires_at < now()"))
    op.execute(text("INSERT INTO plans (name) VALUES ('free')"))
    op.execute(
        """
        -- keep the old rows; don't touch archived ones
        UPDATE accounts SET status = 'active' WHERE status = 'enabled';
        /* second statement; with a semicolon in a comment */
        UPDATE accounts SET note = 'a;b -- not a comment' WHERE id = 1;
        CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
        BEGIN
            NEW.updated_at := now();
            RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;
        """
    )
    op.execute(BACKFILL)
    table = "accounts"
    op.execute(f"UPDATE {table} SET plan = 'free'")
    op.execute("UPDATE {} SET plan = 'free'".format(table))
    stmt = "DELETE FROM " + table
    op.execute(stmt)
    cleanup = "DELETE FROM audit_log WHERE created_at < now() - interval '1 year'"
    op.execute(cleanup)
    op.execute(textwrap.dedent("""
        DROP INDEX CONCURRENTLY IF EXISTS ix_accounts_plan
    """))
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE accounts SET plan = 'pro' WHERE seats > 10"))
    rows = conn.execute(sa.text("SELECT id FROM accounts")).fetchall()
    op.get_bind().exec_driver_sql('ALTER TABLE "Accounts" ADD COLUMN legacy_id int')


def downgrade():
    op.execute("CREATE INDEX CONCURRENTLY ix_accounts_plan ON public.accounts (plan)")
    op.execute('DROP TYPE IF EXISTS "AccountStatus"; CREATE TYPE account_status AS ENUM (\'active\')')
