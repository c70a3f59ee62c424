"""jobs get a heartbeat; the downgrade was copied from the users' one

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("jobs", sa.Column("last_heartbeat_at", sa.DateTime(), nullable=True))  # expect[downgrade-incomplete]: column "last_heartbeat_at" is added to "jobs" by upgrade() but downgrade() drops it from "users" help: The drop_column at line 18 names table "users", which has no column "last_heartbeat_at": the downgrade fails there. Name the table upgrade() added it to: op.drop_column("jobs", "last_heartbeat_at")$


def downgrade():
    op.drop_column("users", "last_heartbeat_at")
