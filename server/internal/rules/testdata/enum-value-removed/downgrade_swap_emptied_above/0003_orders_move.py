"""orders move to another service: the downgrade makes the table again, empty

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table('orders')


def downgrade():
    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', postgresql.ENUM('pending', 'shipped', 'archived', 'refunded', name='order_status', create_type=False), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
