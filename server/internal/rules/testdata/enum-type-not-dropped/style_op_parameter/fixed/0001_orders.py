"""orders, style op parameter

Revision ID: 0001
Revises: 
"""
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade(op):
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("new", "paid", name="order_status"), nullable=False),
    )


def downgrade(op):
    op.drop_table("orders")  # expect[enum-type-not-dropped]: help: type "order_status" already exists
    sa.Enum(name="order_status").drop(op.get_bind(), checkfirst=True)
