"""currency names and symbols are required

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("currencies", "name", existing_type=sa.String(40), nullable=False)  # expect[not-null-without-backfill:warning]: nothing before it fills the NULL rows
    op.alter_column("currencies", "symbol", existing_type=sa.String(3), nullable=False)  # expect[not-null-without-backfill:warning]: nothing before it fills the NULL rows


def downgrade():
    op.alter_column("currencies", "symbol", existing_type=sa.String(3), nullable=True)
    op.alter_column("currencies", "name", existing_type=sa.String(40), nullable=True)
