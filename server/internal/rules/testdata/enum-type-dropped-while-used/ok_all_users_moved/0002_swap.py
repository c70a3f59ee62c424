"""archived becomes closed

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE order_state RENAME TO order_state_old")
    op.execute("CREATE TYPE order_state AS ENUM ('active', 'closed')")
    op.execute("ALTER TABLE orders ALTER COLUMN state TYPE order_state USING state::text::order_state")
    op.execute("ALTER TABLE order_history ALTER COLUMN state TYPE order_state USING state::text::order_state")
    op.execute("DROP TYPE order_state_old")
