"""add status

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-20 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

status_type = sa.Enum('pending', 'shipped', 'cancelled', name='status_type')


def upgrade() -> None:
    status_type.create(op.get_bind(), checkfirst=True)
    op.add_column('orders', sa.Column('status', status_type, nullable=True))


def downgrade() -> None:
    op.drop_column('orders', 'status')
    status_type.drop(op.get_bind(), checkfirst=True)
