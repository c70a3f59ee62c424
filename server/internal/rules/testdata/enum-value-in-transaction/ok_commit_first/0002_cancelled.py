"""a COMMIT first: psycopg2 begins no new transaction, each statement commits on its own

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("COMMIT")
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")
    op.execute("UPDATE orders SET status = 'cancelled' WHERE shipped_at IS NULL")


def downgrade():
    pass
