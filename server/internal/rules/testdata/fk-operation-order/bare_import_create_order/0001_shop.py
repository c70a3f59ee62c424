"""shop

Revision ID: 0001_shop
Revises:
"""
from alembic.op import create_table, drop_table
import sqlalchemy as sa

revision = "0001_shop"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    create_table(  # expect[fk-operation-order]: help: relation "orders" does not exist
        "order_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
    )
    create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("placed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade():
    drop_table("orders")  # expect[fk-operation-order]: help: cannot drop table orders because other objects depend on it
    drop_table("order_items")
