"""orders, style import sqlalchemy

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        sqlalchemy.Column("id", sqlalchemy.Integer(), nullable=False),
        sqlalchemy.Column("status", sqlalchemy.Enum("new", "paid", name="order_status"), nullable=False),
    )


def downgrade():
    op.drop_table("orders")  # expect[enum-type-not-dropped]: help: type "order_status" already exists
