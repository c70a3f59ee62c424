"""Index shipments.order_id concurrently (raw SQL).

Revision ID: 8e9f0a1b2c3e
Revises: 0026_updated_at
Create Date: 2024-04-15 20:11:36.781204
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = "8e9f0a1b2c3e"
down_revision = "0026_updated_at"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_shipments_order_id "
            "ON shipments (order_id)"
        )


def downgrade():
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_shipments_order_id")
