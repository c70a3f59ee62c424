"""add cost

Revision ID: 7c8d9e0f1a2b
Revises:  # expect[revision-id-mismatch]: line is empty but down_revision is "3f2a1b4c5d6e" help: The header is incomplete
"""
from alembic import op
import sqlalchemy as sa

revision = "7c8d9e0f1a2b"
down_revision = "3f2a1b4c5d6e"


def upgrade():
    op.add_column("plans", sa.Column("cost", sa.Numeric(), nullable=True))


def downgrade():
    op.drop_column("plans", "cost")
