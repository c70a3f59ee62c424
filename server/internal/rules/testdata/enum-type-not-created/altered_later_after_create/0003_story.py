"""the ticket kind is made, then given a value

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    sa.Enum("bug", "task", name="ticket_kind").create(op.get_bind(), checkfirst=True)
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE ticket_kind ADD VALUE IF NOT EXISTS 'story'")


def downgrade():
    pass
