"""orders

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE order_status AS ENUM ('new', 'paid')")
    op.create_table('orders', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('status', sa.Text()))


def downgrade():
    op.drop_table('orders')
    op.execute("DROP TYPE order_status")
