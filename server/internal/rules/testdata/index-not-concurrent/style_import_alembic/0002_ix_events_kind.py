"""index events.kind, style import alembic

Revision ID: 0002
Revises: 0001
"""
import alembic
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    alembic.op.create_index("ix_events_kind", "events", ["kind"])  # expect[index-not-concurrent]: without CONCURRENTLY


def downgrade():
    alembic.op.drop_index("ix_events_kind", table_name="events")
