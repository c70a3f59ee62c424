"""refunds

Revision ID: 0002a
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002a'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded'")  # expect[enum-value-added-twice]: is also run by revision 0002b help: Write ADD VALUE IF NOT EXISTS (in 0002b too)


def downgrade():
    op.execute("COMMENT ON TYPE order_status IS 'refunded stays: enum values cannot be removed'")
