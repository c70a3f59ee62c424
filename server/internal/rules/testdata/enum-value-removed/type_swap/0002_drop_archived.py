"""drop archived

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
    op.execute("ALTER TYPE order_status RENAME TO order_status_old")
    op.execute("CREATE TYPE order_status AS ENUM ('pending', 'shipped')")
    op.execute("ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::text::order_status")  # expect[enum-value-removed]: help: invalid input value for enum order_status: "archived"
    op.execute("DROP TYPE order_status_old")


def downgrade():
    op.execute("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'archived'")
