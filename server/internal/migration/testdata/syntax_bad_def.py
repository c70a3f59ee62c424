"""typo in def

Revision ID: 3e4f5a6b7c8d
Revises: 2d3e4f5a6b7c
"""
from alembic import op

revision = "3e4f5a6b7c8d"
down_revision = "2d3e4f5a6b7c"


def upgrade(:
    op.drop_table("reports")


def downgrade():
    op.create_table("reports")
