"""orders

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", sa.Enum("pending", "shipped", "archived", name="order_status"), nullable=False),
    )


def downgrade():
    op.drop_table("orders")
    op.execute("DROP TYPE order_status")
