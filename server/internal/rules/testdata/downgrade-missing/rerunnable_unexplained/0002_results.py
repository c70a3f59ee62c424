"""drop the unused results column

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE builds DROP COLUMN IF EXISTS results")
    op.execute("ALTER TABLE builds ADD COLUMN IF NOT EXISTS outcome TEXT")


def downgrade():  # expect[downgrade-missing:info]: only makes changes that can run again help: The changes (DROP ... IF EXISTS, ADD COLUMN IF NOT EXISTS)
    pass
