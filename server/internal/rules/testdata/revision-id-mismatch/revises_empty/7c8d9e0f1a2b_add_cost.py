"""add cost

Revision ID: 7c8d9e0f1a2b
Revises:  # expect[revision-id-mismatch]: line names no parent but down_revision is "3f2a1b4c5d6e" help: readers take the header for a base. Write "Revises: 3f2a1b4c5d6e"
"""
from alembic import op
import sqlalchemy as sa

revision = "7c8d9e0f1a2b"
down_revision = "3f2a1b4c5d6e"


def upgrade():
    op.add_column("plans", sa.Column("cost", sa.Numeric(), nullable=True))


def downgrade():
    op.drop_column("plans", "cost")
