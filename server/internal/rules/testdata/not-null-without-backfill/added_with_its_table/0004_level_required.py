"""every log has a level: rows the application wrote since 0001 may not; no row is older than the column

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.alter_column("logs", "level", existing_type=sa.String(10), nullable=False)  # expect[not-null-without-backfill:warning]: nothing before it fills the NULL rows


def downgrade():
    op.alter_column("logs", "level", existing_type=sa.String(10), nullable=True)
