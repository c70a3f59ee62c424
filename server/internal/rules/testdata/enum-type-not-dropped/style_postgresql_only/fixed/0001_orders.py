"""orders, style postgresql only

Revision ID: 0001
Revises: 
"""
from alembic import op
from sqlalchemy import Column, Integer, String
from sqlalchemy.dialects import postgresql as pg

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        Column("id", Integer(), nullable=False),
        Column("status", pg.ENUM("new", "paid", name="order_status"), nullable=False),
    )


def downgrade():
    op.drop_table("orders")  # expect[enum-type-not-dropped]: help: type "order_status" already exists
    pg.ENUM(name="order_status").drop(op.get_bind(), checkfirst=True)
