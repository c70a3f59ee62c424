"""index in autocommit block, concurrently off

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("ix_events_kind", "events", ["kind"], postgresql_concurrently=True)  # expect[index-not-concurrent]: help: SHARE lock


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_events_kind", table_name="events", postgresql_concurrently=True)
