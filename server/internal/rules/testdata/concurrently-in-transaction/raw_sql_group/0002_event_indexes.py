"""event indexes, written as SQL

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
    op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_events_kind ON events (kind)")  # expect[concurrently-in-transaction]: help: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
    op.execute(sa.text("CREATE UNIQUE INDEX CONCURRENTLY ux_events_id_kind ON events (id, kind)"))  # expect[concurrently-in-transaction]: CREATE INDEX CONCURRENTLY


def downgrade():
    conn = op.get_bind()
    conn.execute(sa.text("DROP INDEX CONCURRENTLY IF EXISTS ux_events_id_kind"))  # expect[concurrently-in-transaction]: help: DROP INDEX CONCURRENTLY cannot run
    op.execute("DROP INDEX IF EXISTS ix_events_kind")
