"""add status through a helper

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _add_status(table):
    op.add_column(table, sa.Column("status", sa.Enum("pending", "shipped", name="status_type")))  # expect[enum-type-not-created]: does not exist


def upgrade():
    _add_status("orders")


def downgrade():
    op.drop_column("orders", "status")
