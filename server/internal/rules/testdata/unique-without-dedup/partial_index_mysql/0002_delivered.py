"""delivered shipments

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
    op.add_column('shipments', sa.Column('delivered_at', sa.DateTime(), nullable=True))
    # MySQL has no partial index: postgresql_where is ignored and every row is in it
    op.create_index('uq_delivered_tracking_code', 'shipments', ['tracking_code'], unique=True, postgresql_where=sa.text('delivered_at IS NOT NULL'))  # expect[unique-without-dedup]: existing rows not deduplicated first


def downgrade() -> None:
    op.drop_index('uq_delivered_tracking_code', table_name='shipments')
    op.drop_column('shipments', 'delivered_at')
