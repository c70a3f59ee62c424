"""refunds on branch b

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
    op.execute("ALTER TYPE order_status ADD VALUE 'refunded'")


def downgrade():
    pass  # enum values cannot be removed
