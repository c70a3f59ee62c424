"""shipments

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


status_column = sa.Column('status', sa.Enum('pending', 'shipped', name='status_type'), nullable=False)


def upgrade() -> None:
    op.create_table('shipments',  # expect[enum-type-recreated]: creates enum type "status_type" again
    sa.Column('id', sa.Integer(), nullable=False),
    status_column,
    )


def downgrade() -> None:
    op.drop_table('shipments')
