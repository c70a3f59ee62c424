"""add tier

Revision ID: 9a8b7c6d5e4f_add_tier.py
Revises: 7c8d9e0f1a2b_add_cost.py
"""
from alembic import op
import sqlalchemy as sa

revision = "9a8b7c6d5e4f"
down_revision = "7c8d9e0f1a2b"


def upgrade():
    op.add_column("plans", sa.Column("tier", sa.String(20), nullable=True))


def downgrade():
    op.drop_column("plans", "tier")
