"""the new value is committed before it is used

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")
    # commit so that the new value may be used
    op.execute("COMMIT")
    op.execute("UPDATE orders SET status = 'cancelled' WHERE shipped_at IS NULL")
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'returned'; COMMIT; UPDATE orders SET status = 'returned' WHERE id = 0")


def downgrade():
    pass
