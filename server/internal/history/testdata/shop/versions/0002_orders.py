"""create orders

Revision ID: 0002_orders
Revises: 0001_users
Create Date: 2024-03-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002_orders"
down_revision = "0001_users"
branch_labels = None
depends_on = None

order_status = postgresql.ENUM("new", "paid", "shipped", name="order_status")


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("status", order_status, nullable=False, server_default="new"),
    )
    op.create_index("ix_orders_user_id", "orders", ["user_id"])


def downgrade():
    op.drop_index("ix_orders_user_id", table_name="orders")
    op.drop_table("orders")
    order_status.drop(op.get_bind())
