"""flag shipments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('shipments', sa.Column('is_flagged', sa.Boolean(), nullable=True))
    op.execute("UPDATE shipments SET is_flagged = cancelled_at IS NOT NULL")


def downgrade() -> None:
    op.drop_column('shipments', 'is_flagged')
