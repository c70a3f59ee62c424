"""one flagged shipment per warehouse

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the parent filled is_flagged, not for this index: flagged rows may share a warehouse
    op.create_index('uq_flagged_warehouse', 'shipments', ['warehouse'], unique=True, postgresql_where=sa.text('is_flagged'))  # expect[unique-without-dedup]: existing rows not deduplicated first


def downgrade() -> None:
    op.drop_index('uq_flagged_warehouse', table_name='shipments')
