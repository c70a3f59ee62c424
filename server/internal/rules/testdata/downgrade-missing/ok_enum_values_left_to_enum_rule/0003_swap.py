"""failed status

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.execute("""
        ALTER TYPE status RENAME TO status__old;
        CREATE TYPE status AS ENUM ('new', 'done', 'cancelling', 'failed');
        ALTER TABLE jobs ALTER COLUMN status TYPE status USING status::text::status;
        DROP TYPE status__old;
    """)


def downgrade():
    # Values are only ever added to this enum type, never removed.
    pass
