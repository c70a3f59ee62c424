"""create orders

Revision ID: 0001
Revises:
Create Date: 2026-11-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

from shop.models import OrderStatus as Status


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum(Status), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade():
    op.drop_table('orders')  # expect[enum-type-not-dropped]: help: SQLAlchemy names the type of sa.Enum(OrderStatus) after the Python enum class
