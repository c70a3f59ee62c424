"""index events.kind, style import alembic

Revision ID: 0001
Revises: 
"""
import alembic
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    alembic.op.create_index("ix_events_kind", "events", ["kind"], postgresql_concurrently=True)  # expect[concurrently-in-transaction]: help: CREATE INDEX CONCURRENTLY cannot run inside a transaction block


def downgrade():
    alembic.op.drop_index("ix_events_kind", table_name="events", postgresql_concurrently=True)  # expect[concurrently-in-transaction]: help: DROP INDEX CONCURRENTLY cannot run inside a transaction block
