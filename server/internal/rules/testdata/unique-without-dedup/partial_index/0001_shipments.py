"""shipments

Revision ID: 0001
Revises: 
Create Date: 2026-11-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('shipments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('carrier', sa.String(length=40), nullable=False),
    sa.Column('tracking_code', sa.String(length=80), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('warehouse', sa.String(length=40), nullable=True),
    sa.Column('dock', sa.String(length=40), nullable=True),
    sa.Column('route', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('scans',
    sa.Column('shipment_id', sa.Integer(), nullable=False),
    sa.Column('void', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('shipment_id')
    )


def downgrade() -> None:
    op.drop_table('scans')
    op.drop_table('shipments')
