"""on MySQL a unique constraint is an index: drop_index drops it, drop_constraint drops a unique index

Revision ID: 0002
Revises: 3f1c2b7a9d10
"""
from alembic import op

revision = "0002"
down_revision = "3f1c2b7a9d10"


def upgrade():
    op.create_unique_constraint("uq_events_kind", "events", ["kind"])
    op.create_index("ix_events_kind_id", "events", ["kind", "id"], unique=True)


def downgrade():
    op.drop_constraint("ix_events_kind_id", "events", type_="unique")
    op.drop_index("uq_events_kind", "events")
