"""conditional index, index without table, unknown table

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
    bind = op.get_bind()
    if not sa.inspect(bind).get_indexes("events"):
        op.create_index("ix_events_kind", "events", ["kind"])
    op.drop_index("ix_events_old")
    op.create_index("ix_audit_kind", "audit_log", ["kind"])
    op.create_index("ix_events_created_at", "events", ["created_at"], postgresql_concurrently=CONCURRENTLY)


CONCURRENTLY = True


def downgrade():
    pass
