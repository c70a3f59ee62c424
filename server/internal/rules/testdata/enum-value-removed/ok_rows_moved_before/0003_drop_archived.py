"""the type loses the value the revision before moved out

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.execute("ALTER TYPE order_status RENAME TO order_status_old")
    op.execute("CREATE TYPE order_status AS ENUM ('pending', 'shipped')")
    op.execute("ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::text::order_status")
    op.execute("DROP TYPE order_status_old")


def downgrade():
    op.execute("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'archived'")
