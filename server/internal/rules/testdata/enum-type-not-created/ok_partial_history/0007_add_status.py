"""add status; the revision before this one is not in the directory

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("orders", sa.Column("status", postgresql.ENUM("pending", "shipped", name="status_type", create_type=False)))


def downgrade():
    op.drop_column("orders", "status")
