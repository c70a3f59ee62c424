"""event rules: the check names come from the convention, the key and index names from its custom tokens

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(None, "events", "rooms", ["room_id"], ["id"], source_schema="events", referent_schema="events")
    op.create_index(None, "events", ["room_id"], schema="events")
    op.create_check_constraint("valid_title", "events", "title != ''", schema="events")
    op.create_check_constraint("duration_no_seconds", "events", "date_trunc('minute', duration) = duration", schema="events")


def downgrade():
    op.drop_constraint("ck_events_duration_no_seconds", "events", schema="events")
    op.drop_constraint("ck_events_valid_title", "events", schema="events")
    op.drop_index("ix_events_room_id", table_name="events", schema="events")
    op.drop_constraint("fk_events_room_id_rooms", "events", type_="foreignkey", schema="events")
