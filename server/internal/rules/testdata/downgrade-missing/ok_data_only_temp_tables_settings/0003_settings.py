"""purge orphans with a timeout

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.execute("SET statement_timeout = '60s'")
    op.execute("SET LOCAL lock_timeout = '4s'")
    op.execute("SHOW server_version")
    op.execute("DELETE FROM registrations WHERE user_id IS NULL")


def downgrade():
    pass
