"""second

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"



def upgrade():
    op.execute("REINDEX TABLE users")  # expect[exclusive-maintenance]: REINDEX without CONCURRENTLY rebuilds the indexes of existing table "users" while reads and writes wait
    op.execute("REINDEX INDEX ix_users_plan")  # expect[exclusive-maintenance]: REINDEX without CONCURRENTLY rebuilds index "ix_users_plan"
    op.execute("CLUSTER users USING ix_users_plan")  # expect[exclusive-maintenance]: CLUSTER rewrites existing table "users" under ACCESS EXCLUSIVE
    op.get_bind().execute(sa.text("ALTER TABLE users SET TABLESPACE archive"))  # expect[exclusive-maintenance]: SET TABLESPACE copies existing table "users" under ACCESS EXCLUSIVE
    op.execute(sa.DDL("CLUSTER orders"))  # expect[exclusive-maintenance]: CLUSTER rewrites existing table "orders"
    op.execute("ALTER TABLE orders SET TABLESPACE archive")  # expect[exclusive-maintenance]: SET TABLESPACE copies existing table "orders" under ACCESS EXCLUSIVE
    with op.get_context().autocommit_block():
        op.execute("VACUUM FULL orders")  # expect[exclusive-maintenance]: VACUUM FULL rewrites existing table "orders" under ACCESS EXCLUSIVE


def downgrade():
    pass
