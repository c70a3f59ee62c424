"""drop indexes by SQL

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
    op.execute("DROP INDEX ix_events_kind")  # expect[index-not-concurrent]: DROP INDEX "ix_events_kind" without CONCURRENTLY help: DROP INDEX CONCURRENTLY
    with op.get_context().autocommit_block():
        op.execute(sa.text("DROP INDEX CONCURRENTLY ix_events_created_at"))
    op.execute("DROP INDEX IF EXISTS ix_unknown_to_the_history")


def downgrade():
    op.create_index(op.f('ix_events_created_at'), 'events', ['created_at'], unique=False)
    op.create_index(op.f('ix_events_kind'), 'events', ['kind'], unique=False)
