"""archived status, outside the migration's transaction

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.execute("COMMIT")
    op.execute("ALTER TYPE status ADD VALUE IF NOT EXISTS 'archived'")


def downgrade():
    # enum values cannot be removed
    pass
