"""order status, style postgresql only

Revision ID: 0002
Revises: 0001
"""
from alembic import op
from sqlalchemy import Column, Integer, String
from sqlalchemy.dialects import postgresql as pg

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("orders", Column("status", pg.ENUM("new", "paid", name="order_status"), nullable=True))  # expect[enum-type-not-created]: type "order_status" does not exist


def downgrade():
    op.drop_column("orders", "status")
