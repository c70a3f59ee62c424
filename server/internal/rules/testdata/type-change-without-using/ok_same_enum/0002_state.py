"""more values for order_state in the model

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
    op.alter_column('orders', 'state', type_=sa.Enum('open', 'closed', 'archived', name='order_state'))
    op.alter_column('orders', 'state',
               existing_type=postgresql.ENUM('open', 'closed', name='order_state'),
               type_=sa.Enum('open', 'closed', 'archived', name='order_state'))


def downgrade() -> None:
    pass
