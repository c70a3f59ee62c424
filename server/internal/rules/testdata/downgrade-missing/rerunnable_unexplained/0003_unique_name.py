"""a unique constraint made again: dropped in SQL with IF EXISTS, created by the operation

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.execute("ALTER TABLE builds DROP CONSTRAINT IF EXISTS uq_builds_outcome")
    op.create_unique_constraint("uq_builds_outcome", "builds", ["outcome", "id"])


def downgrade():  # expect[downgrade-missing:info]: only makes changes that can run again help: The changes (DROP ... IF EXISTS, a drop and re-create of uq_builds_outcome)
    pass
