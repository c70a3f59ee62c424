"""drop shipments, whose status and last status share the type

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-20 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table('shipments')


def downgrade() -> None:
    op.create_table('shipments',
    sa.Column('id', sa.INTEGER(), autoincrement=True, nullable=False),
    sa.Column('status', postgresql.ENUM('pending', 'shipped', 'cancelled', name='status_type'), autoincrement=False, nullable=False),  # expect[enum-type-recreated]: help: each of its 2 columns here
    sa.Column('last_status', postgresql.ENUM('pending', 'shipped', 'cancelled', name='status_type'), autoincrement=False, nullable=True),
    sa.PrimaryKeyConstraint('id', name='shipments_pkey')
    )
