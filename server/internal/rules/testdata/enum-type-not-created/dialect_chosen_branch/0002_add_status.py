"""order status, a native enum on PostgreSQL only

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_context().dialect.name == "postgresql":
        op.add_column("orders", sa.Column("status", sa.Enum("pending", "shipped", name="status_type")))  # expect[enum-type-not-created]: enum type "status_type" does not exist yet
    else:
        op.add_column("orders", sa.Column("status", sa.String(20)))


def downgrade():
    op.drop_column("orders", "status")
