"""orders, style sqlalchemy names

Revision ID: 0001
Revises: 
"""
from alembic import op
from sqlalchemy import Column, Enum, Integer, String

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        Column("id", Integer(), nullable=False),
        Column("status", Enum("new", "paid", name="order_status"), nullable=False),
    )


def downgrade():
    op.drop_table("orders")  # expect[enum-type-not-dropped]: help: type "order_status" already exists
    Enum(name="order_status").drop(op.get_bind(), checkfirst=True)
