"""index events.kind, style op alias

Revision ID: 0002
Revises: 0001
"""
from alembic import op as migration_op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    with migration_op.get_context().autocommit_block():
        migration_op.create_index("ix_events_kind", "events", ["kind"], postgresql_concurrently=True)  # expect[index-not-concurrent]: without CONCURRENTLY


def downgrade():
    migration_op.drop_index("ix_events_kind", table_name="events")
