"""remove duplicate slugs, keeping the oldest widget

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.execute("""
        ALTER TABLE widgets ADD COLUMN keep_id INTEGER;
        UPDATE widgets w SET keep_id = m.min_id FROM (SELECT slug, MIN(id) AS min_id FROM widgets GROUP BY slug) m
        WHERE m.slug = w.slug;
        DELETE FROM widgets WHERE id != keep_id;
        ALTER TABLE widgets DROP COLUMN keep_id;
    """)


def downgrade():
    pass
