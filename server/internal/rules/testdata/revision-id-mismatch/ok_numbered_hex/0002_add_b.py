"""add b

Revision ID: 1a2b3c4d5e6f
Revises: 9f8e7d6c5b4a
"""
from alembic import op
import sqlalchemy as sa

revision = "1a2b3c4d5e6f"
down_revision = "9f8e7d6c5b4a"


def upgrade():
    op.create_table("b", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("b")
