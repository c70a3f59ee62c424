"""create orders

Revision ID: 0001
Revises:
Create Date: 2026-11-20 10:00:00.000000

"""
import enum

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


class OrderStatus(enum.Enum):
    pending = 'pending'
    shipped = 'shipped'


def upgrade():
    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum(OrderStatus), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade():
    op.drop_table('orders')  # expect[enum-type-not-dropped]: help: type "orderstatus" already exists. The name "orderstatus" is inferred
