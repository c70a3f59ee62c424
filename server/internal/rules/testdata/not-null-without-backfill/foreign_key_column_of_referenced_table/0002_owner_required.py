"""every folder has an owner

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    # deleting the folders without an owner would take their files along (or fail on them)
    op.alter_column("folders", "owner_id", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill]: nothing before it fills help: op.execute("UPDATE folders SET owner_id = <value> WHERE owner_id IS NULL")$


def downgrade():
    op.alter_column("folders", "owner_id", existing_type=sa.Integer(), nullable=True)
