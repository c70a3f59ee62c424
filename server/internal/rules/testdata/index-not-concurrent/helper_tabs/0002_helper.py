"""index helper

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

KIND_COLUMNS = ["kind"]


def _add_indexes():
	op.create_index("ix_events_kind", "events", KIND_COLUMNS)  # expect[index-not-concurrent]: help: SHARE lock


def upgrade():
	_add_indexes()


def downgrade():
	op.drop_index("ix_events_kind", table_name="events")
