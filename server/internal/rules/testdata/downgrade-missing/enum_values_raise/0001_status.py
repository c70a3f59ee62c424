"""statuses

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.execute("ALTER TYPE status ADD VALUE IF NOT EXISTS 'archived'")


def downgrade():  # expect[downgrade-missing:info]: help: a downgrade() that does nothing (`pass`, with ADD VALUE IF NOT EXISTS in upgrade()) is right here
    raise NotImplementedError("enum values cannot be removed")
