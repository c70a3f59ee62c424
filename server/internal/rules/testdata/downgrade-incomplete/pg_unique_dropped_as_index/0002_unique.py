"""on PostgreSQL drop_index cannot drop a constraint's index

Revision ID: 0002
Revises: 3f1c2b7a9d10
"""
from alembic import op

revision = "0002"
down_revision = "3f1c2b7a9d10"


def upgrade():
    op.create_unique_constraint("uq_events_kind", "events", ["kind"])  # expect[downgrade-incomplete:error]: constraint "uq_events_kind" is created by upgrade() but downgrade() drops it with drop_index help: the drop_index at line 17 fails with: cannot drop index uq_events_kind because constraint uq_events_kind on table events requires it. Replace it with: op.drop_constraint("uq_events_kind", "events", type_="unique")$


def downgrade():
    op.drop_index("uq_events_kind", "events")
