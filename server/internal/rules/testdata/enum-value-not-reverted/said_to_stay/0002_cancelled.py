"""add cancelled; the downgrade says it stays, and the add runs again

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")


def downgrade():
    # PostgreSQL doesn't support removing enum values:
    # the 'cancelled' value will remain in the type
    pass
