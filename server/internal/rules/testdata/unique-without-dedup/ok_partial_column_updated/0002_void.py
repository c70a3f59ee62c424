"""void shipments

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
    op.add_column('shipments', sa.Column('is_void', sa.Boolean(), nullable=False, server_default='false'))
    # which rows are void decides which rows the index holds
    op.execute("UPDATE shipments AS s SET is_void = c.void FROM scans AS c WHERE c.shipment_id = s.id")
    op.create_index('uq_live_tracking_code', 'shipments', ['carrier', 'tracking_code'], unique=True,
                    postgresql_where=sa.text('NOT is_void'))


def downgrade() -> None:
    op.drop_index('uq_live_tracking_code', table_name='shipments')
    op.drop_column('shipments', 'is_void')
