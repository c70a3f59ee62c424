"""partial indexes that may hold duplicates

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
    op.add_column('shipments', sa.Column('returned_at', sa.DateTime(), nullable=True))
    op.add_column('shipments', sa.Column('is_live', sa.Boolean(), nullable=False, server_default='true'))
    op.add_column('shipments', sa.Column('is_tracked', sa.Boolean(), nullable=True, default=True))
    # every existing row has returned_at NULL: all of them are in this index
    op.create_index('uq_open_tracking_code', 'shipments', ['tracking_code'], unique=True, postgresql_where=sa.text('returned_at IS NULL'))  # expect[unique-without-dedup]: existing rows not deduplicated first
    # the server default puts every existing row in this one
    op.create_index('uq_live_warehouse', 'shipments', ['warehouse'], unique=True, postgresql_where=sa.text('is_live'))  # expect[unique-without-dedup]: existing rows not deduplicated first help: If two of the rows where is_live (the only ones the index holds) share a value
    # nothing changed cancelled_at: the rows not cancelled may share a value
    op.create_index('uq_active_carrier', 'shipments', ['carrier'], unique=True, postgresql_where=sa.text('cancelled_at IS NULL AND returned_at IS NOT NULL OR cancelled_at IS NULL'))  # expect[unique-without-dedup]: existing rows not deduplicated first
    # sqlite_where does not apply on PostgreSQL
    op.create_index('uq_returned_dock', 'shipments', ['dock'], unique=True, sqlite_where=sa.text('returned_at IS NOT NULL'))  # expect[unique-without-dedup]: existing rows not deduplicated first
    # a batch copy would apply default=
    op.create_index('uq_tracked_route', 'shipments', ['route'], unique=True, postgresql_where=sa.text('is_tracked'))  # expect[unique-without-dedup]: existing rows not deduplicated first


def downgrade() -> None:
    op.drop_index('uq_tracked_route', table_name='shipments')
    op.drop_index('uq_returned_dock', table_name='shipments')
    op.drop_index('uq_active_carrier', table_name='shipments')
    op.drop_index('uq_live_warehouse', table_name='shipments')
    op.drop_index('uq_open_tracking_code', table_name='shipments')
    op.drop_column('shipments', 'is_tracked')
    op.drop_column('shipments', 'is_live')
    op.drop_column('shipments', 'returned_at')
