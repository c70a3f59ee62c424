"""orders, style op alias

Revision ID: 0001
Revises: 
"""
from alembic import op as migration_op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    migration_op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("new", "paid", name="order_status"), nullable=False),
    )


def downgrade():
    migration_op.drop_table("orders")  # expect[enum-type-not-dropped]: help: type "order_status" already exists
