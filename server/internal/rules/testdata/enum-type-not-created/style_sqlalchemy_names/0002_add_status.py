"""order status, style sqlalchemy names

Revision ID: 0002
Revises: 0001
"""
from alembic import op
from sqlalchemy import Column, Enum, Integer, String

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("orders", Column("status", Enum("new", "paid", name="order_status"), nullable=True))  # expect[enum-type-not-created]: type "order_status" does not exist


def downgrade():
    op.drop_column("orders", "status")
