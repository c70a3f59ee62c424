"""index by SQL

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
    op.execute("SET lock_timeout = '5s'")
    op.execute(sa.text("CREATE UNIQUE INDEX ix_events_kind ON events (kind)"))  # expect[index-not-concurrent]: help: CREATE INDEX CONCURRENTLY


def downgrade():
    op.execute("DROP INDEX ix_events_kind")
