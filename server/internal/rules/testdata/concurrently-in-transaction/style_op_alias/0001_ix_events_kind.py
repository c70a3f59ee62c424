"""index events.kind, style op alias

Revision ID: 0001
Revises: 
"""
from alembic import op as migration_op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    migration_op.create_index("ix_events_kind", "events", ["kind"], postgresql_concurrently=True)  # expect[concurrently-in-transaction]: help: CREATE INDEX CONCURRENTLY cannot run inside a transaction block


def downgrade():
    migration_op.drop_index("ix_events_kind", table_name="events", postgresql_concurrently=True)  # expect[concurrently-in-transaction]: help: DROP INDEX CONCURRENTLY cannot run inside a transaction block
