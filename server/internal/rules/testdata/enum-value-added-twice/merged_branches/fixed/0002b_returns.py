"""returns

Revision ID: 0002b
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002b'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(  # expect[enum-value-added-twice]: is also run by revision 0002a help: Write ADD VALUE IF NOT EXISTS (in 0002a too)
        "ALTER TYPE order_status "
        "ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid'"
    )


def downgrade():
    op.execute("COMMENT ON TYPE order_status IS 'refunded stays: enum values cannot be removed'")
