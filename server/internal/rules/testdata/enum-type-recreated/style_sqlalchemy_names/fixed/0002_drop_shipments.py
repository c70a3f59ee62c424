"""drop shipments, style sqlalchemy names

Revision ID: 0002
Revises: 0001
"""
from alembic import op
from sqlalchemy import Column, Enum, Integer, String
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("shipments")


def downgrade():
    op.create_table(
        "shipments",
        Column("id", Integer(), primary_key=True),
        Column("status", postgresql.ENUM("new", "paid", name="order_status", create_type=False), nullable=False),  # expect[enum-type-recreated]: help: type "order_status" already exists
    )
