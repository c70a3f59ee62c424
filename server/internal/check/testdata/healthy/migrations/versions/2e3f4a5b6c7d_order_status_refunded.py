"""Add 'refunded' to order_status.

Revision ID: 2e3f4a5b6c7d
Revises: 0017_invoice_amount_check
Create Date: 2023-11-21 16:40:18.307462
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = "2e3f4a5b6c7d"
down_revision = "0017_invoice_amount_check"
branch_labels = None
depends_on = None


def upgrade():
    # Committed on its own so that later revisions (and the application)
    # can use the new value right away.
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded'")


def downgrade():
    # PostgreSQL cannot drop an enum value: rebuild the type without it.
    op.execute("UPDATE orders SET status = 'cancelled' WHERE status = 'refunded'")
    op.execute("ALTER TYPE order_status RENAME TO order_status_old")
    op.execute("CREATE TYPE order_status AS ENUM ('pending', 'shipped', 'cancelled')")
    op.execute(
        "ALTER TABLE orders ALTER COLUMN status TYPE order_status "
        "USING status::text::order_status"
    )
    op.execute("DROP TYPE order_status_old")
