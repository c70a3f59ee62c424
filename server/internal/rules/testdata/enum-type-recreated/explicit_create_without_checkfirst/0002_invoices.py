"""invoices reuse status_type

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# sa.Enum's create() does not look the type up first (postgresql.ENUM's does)
status_type = sa.Enum("pending", "shipped", "cancelled", name="status_type")


def upgrade():
    status_type.create(op.get_bind())  # expect[enum-type-recreated]: help: Pass checkfirst=True
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", postgresql.ENUM(name="status_type", create_type=False), nullable=False),
    )


def downgrade():
    op.drop_table("invoices")
