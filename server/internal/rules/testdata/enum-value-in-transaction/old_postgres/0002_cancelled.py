"""add cancelled on an old server

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
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")  # expect[enum-value-in-transaction]: on PostgreSQL 11 help: Before PostgreSQL 12 it cannot run in a transaction block


def downgrade():
    op.execute("UPDATE orders SET status = 'pending' WHERE status = 'cancelled'")
    op.execute("ALTER TYPE status_type RENAME TO status_type_old")
    op.execute("CREATE TYPE status_type AS ENUM ('pending', 'shipped')")
    op.execute("ALTER TABLE orders ALTER COLUMN status TYPE status_type USING status::text::status_type")
    op.execute("DROP TYPE status_type_old")
