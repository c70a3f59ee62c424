"""add b

Revision ID: 0003
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"  # expect[revision-id-mismatch]: the file name `0002_add_b.py` starts with revision id "0002"
down_revision = "0001"


def upgrade():
    op.create_table("b", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("b")
