"""add refunded; the empty downgrade says, without naming them, that enum values stay

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'refunded'")


def downgrade():
    # Note: PostgreSQL doesn't support removing enum values directly.
    # The values will remain in the enum type but won't be used.
    pass
