"""drop shipments, style postgresql alias

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("shipments")


def downgrade():
    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", pg.ENUM("new", "paid", name="order_status"), nullable=False),  # expect[enum-type-recreated]: help: type "order_status" already exists
    )
