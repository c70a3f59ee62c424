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
    op.execute("REINDEX INDEX audit_pkey")
    op.create_index("ix_users_id", "users", ["id"])
    op.execute("REINDEX INDEX ix_users_id")
    op.execute(sa.text("CREATE INDEX ix_orders_user ON orders (user_id); REINDEX INDEX ix_orders_user"))
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
    op.drop_index("ix_orders_user")
    op.drop_index("ix_users_id")
    op.drop_column("users", "note")
    op.drop_table("audit")
