"""create orders with a type that is never created

Revision ID: 0001
Revises:
Create Date: 2026-11-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgresql.ENUM('pending', 'shipped', name='status_type', create_type=False).create(op.get_bind(), checkfirst=True)
    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', postgresql.ENUM('pending', 'shipped', name='status_type', create_type=False), nullable=False),  # expect[enum-type-not-created]: help: create_type=False keeps create_table from creating the type
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('orders')
    postgresql.ENUM('pending', 'shipped', name='status_type', create_type=False).drop(op.get_bind(), checkfirst=True)
