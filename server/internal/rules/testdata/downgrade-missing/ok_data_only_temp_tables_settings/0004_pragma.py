"""fix ids with foreign keys off

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.execute("PRAGMA foreign_keys=OFF")
    op.execute("UPDATE registrations SET user_id = user_id + 0")
    op.execute("PRAGMA foreign_keys=ON")


def downgrade():
    pass
