"""add cost

Revision ID: 7c8d9e0f1a2b
Revises: migrations/versions/3f2a1b4c5d6e_initial.py
Create Date: 2026-01-06 10:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = "7c8d9e0f1a2b"
down_revision = "3f2a1b4c5d6e"


def upgrade():
    op.add_column("plans", sa.Column("cost", sa.Numeric(), nullable=True))


def downgrade():
    op.drop_column("plans", "cost")
