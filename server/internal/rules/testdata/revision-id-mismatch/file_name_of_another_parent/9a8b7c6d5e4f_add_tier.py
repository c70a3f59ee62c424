"""add tier

Revision ID: 9a8b7c6d5e4f
Revises: versions/3f2a1b4c5d6e_initial.py  # expect[revision-id-mismatch]: says "Revises: 3f2a1b4c5d6e" but down_revision is "7c8d9e0f1a2b"
"""
from alembic import op
import sqlalchemy as sa

revision = "9a8b7c6d5e4f"
down_revision = "7c8d9e0f1a2b"


def upgrade():  # the header names the grandparent's file
    op.add_column("plans", sa.Column("tier", sa.String(20), nullable=True))


def downgrade():
    op.drop_column("plans", "tier")
