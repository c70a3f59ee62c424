"""second

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"



def upgrade():
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("REINDEX TABLE audit")
    op.execute("CLUSTER audit USING audit_pkey")
    op.execute("ALTER TABLE audit SET TABLESPACE archive")
    op.execute("ALTER TABLE users ADD COLUMN note text")
    with op.get_context().autocommit_block():
        op.execute("REINDEX TABLE CONCURRENTLY users")
        op.execute("REINDEX (CONCURRENTLY) INDEX ix_users_plan")
        op.execute("VACUUM ANALYZE users")
        op.execute("VACUUM FULL audit")
        op.execute("ANALYZE orders")


def downgrade():
    op.drop_column("users", "note")
    op.drop_table("audit")
