"""drafts without a title go

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("DELETE FROM drafts WHERE fields->>'title' IS NULL")


def downgrade():
    pass
