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
    # NULL in every existing row: the indexes start empty
    op.add_column('shipments', sa.Column('delivered_at', sa.DateTime(), nullable=True))
    op.create_index('uq_delivered_tracking_code', 'shipments', ['tracking_code'], unique=True,
                    postgresql_where=sa.text('delivered_at IS NOT NULL'))
    with op.batch_alter_table('shipments') as batch_op:
        batch_op.add_column(sa.Column('is_primary', sa.Boolean(), nullable=False))
        batch_op.create_index('uq_primary_carrier', ['carrier'], unique=True, postgresql_where=sa.text('is_primary = true'))


def downgrade() -> None:
    op.drop_index('uq_primary_carrier', table_name='shipments')
    op.drop_column('shipments', 'is_primary')
    op.drop_index('uq_delivered_tracking_code', table_name='shipments')
    op.drop_column('shipments', 'delivered_at')
