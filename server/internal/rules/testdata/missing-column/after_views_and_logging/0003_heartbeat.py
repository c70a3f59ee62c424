"""jobs get a heartbeat

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("jobs", sa.Column("last_heartbeat_at", sa.DateTime(), nullable=True))


def downgrade():
    op.drop_column("users", "last_heartbeat_at")  # expect[missing-column]: "last_heartbeat_at"
