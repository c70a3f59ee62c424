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

status_type = postgresql.ENUM("pending", "shipped", "cancelled", name="status_type", create_type=False)


def upgrade():
    # postgresql.ENUM.create defaults to checkfirst=True: the existing type is kept
    status_type.create(op.get_bind())
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", status_type, nullable=False),
    )


def downgrade():
    op.drop_table("invoices")
