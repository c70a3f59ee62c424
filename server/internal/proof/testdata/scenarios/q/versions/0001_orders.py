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


def downgrade():
    op.execute("DROP TYPE order_status")
