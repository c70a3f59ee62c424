"""orders

Revision ID: 0001_orders
Revises:
"""
from alembic.op import add_column, alter_column, create_table, drop_column, drop_table
import sqlalchemy as sa

revision = "0001_orders"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("total", sa.Numeric(10, 2), nullable=False),
    )


def downgrade():
    drop_table("orders")
