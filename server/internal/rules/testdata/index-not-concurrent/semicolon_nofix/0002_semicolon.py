"""index, then analyze, on one line

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_events_kind", "events", ["kind"]); op.execute("ANALYZE events")  # expect[index-not-concurrent]: help: SHARE lock


def downgrade():
    op.drop_index("ix_events_kind", table_name="events")
