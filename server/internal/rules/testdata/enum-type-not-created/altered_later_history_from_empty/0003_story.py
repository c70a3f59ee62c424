"""a new ticket kind

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE ticket_kind ADD VALUE IF NOT EXISTS 'story'")


def downgrade():
    pass
