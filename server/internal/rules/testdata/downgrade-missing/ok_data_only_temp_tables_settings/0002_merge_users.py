"""move registrations to merged users

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("""
        CREATE TEMPORARY TABLE merge_map AS
        SELECT id AS user_id, merged_into_id AS target_id FROM users WHERE merged_into_id IS NOT NULL;
        CREATE INDEX ix_merge_map_target ON merge_map (target_id);
        UPDATE registrations r SET user_id = mm.target_id FROM merge_map mm WHERE mm.user_id = r.user_id;
        DROP TABLE merge_map;
    """)


def downgrade():
    pass
