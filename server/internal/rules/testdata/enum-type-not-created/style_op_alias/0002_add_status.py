"""order status, style op alias

Revision ID: 0002
Revises: 0001
"""
from alembic import op as migration_op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    migration_op.add_column("orders", sa.Column("status", sa.Enum("new", "paid", name="order_status"), nullable=True))  # expect[enum-type-not-created]: type "order_status" does not exist


def downgrade():
    migration_op.drop_column("orders", "status")
