"""role names and scopes are required

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.alter_column("roles", "role_name", existing_type=sa.Text(), nullable=False)  # expect[not-null-without-backfill]: help: contains null values
    op.alter_column("roles", "scope", existing_type=sa.String(20), nullable=False)  # expect[not-null-without-backfill]: help: contains null values


def downgrade():
    op.alter_column("roles", "scope", existing_type=sa.String(20), nullable=True)
    op.alter_column("roles", "role_name", existing_type=sa.Text(), nullable=True)
