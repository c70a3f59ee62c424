"""initial schema

Revision ID: 3f2a1b4c5d6e
Revises: (none)
Create Date: 2026-01-05 10:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = "3f2a1b4c5d6e"
down_revision = None


def upgrade():
    op.create_table("plans", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("plans")
