"""the table is rebuilt in SQL under a temporary name, then renamed back

Revision ID: 0002
Revises: 3f1c2b7a9d10
"""
from alembic import op

revision = "0002"
down_revision = "3f1c2b7a9d10"


def upgrade():
    op.execute("""
        CREATE TABLE events2 AS SELECT id, kind, length(kind) AS size FROM events;
        DROP TABLE events;
        ALTER TABLE events2 RENAME TO events;
    """)


def downgrade():
    op.execute("ALTER TABLE events DROP COLUMN size")
