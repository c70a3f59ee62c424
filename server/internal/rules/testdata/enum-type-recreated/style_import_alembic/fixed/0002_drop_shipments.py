"""drop shipments, style import alembic

Revision ID: 0002
Revises: 0001
"""
import alembic
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    alembic.op.drop_table("shipments")


def downgrade():
    alembic.op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", postgresql.ENUM("new", "paid", name="order_status", create_type=False), nullable=False),  # expect[enum-type-recreated]: help: type "order_status" already exists
    )
