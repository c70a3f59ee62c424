"""refunded

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded'")


def downgrade():
    op.execute("ALTER TYPE order_status RENAME TO order_status_old")
    new_type = postgresql.ENUM('pending', 'shipped', 'archived', name='order_status')
    new_type.create(op.get_bind())
    op.alter_column('orders', 'status', type_=new_type, postgresql_using='status::text::order_status')  # expect[enum-value-removed:info]: help: From the heads, the downgrade of 0003 leaves "orders" empty before this line runs
    op.execute("DROP TYPE order_status_old")
