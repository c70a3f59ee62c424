"""on PostgreSQL drop_index cannot drop a constraint's index

Revision ID: 0002
Revises: 3f1c2b7a9d10
"""
from alembic import op

revision = "0002"
down_revision = "3f1c2b7a9d10"


def upgrade():
    op.create_unique_constraint("uq_events_kind", "events", ["kind"])  # expect[downgrade-incomplete]: constraint "uq_events_kind" is created by upgrade() but downgrade() never drops it


def downgrade():
    op.drop_index("uq_events_kind", "events")
