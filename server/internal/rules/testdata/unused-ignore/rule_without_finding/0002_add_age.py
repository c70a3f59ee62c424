"""add age

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
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=True))  # alembic-patterns: ignore[add-required-column]  # expect[unused-ignore]: suppression comment silences add-required-column (no such finding here) help: Remove it


def downgrade():
    op.drop_column("users", "age")
