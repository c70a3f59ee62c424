"""jobs.user_id becomes owner_id; the downgrade renames it back on the wrong table

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("jobs", "user_id", new_column_name="owner_id")


def downgrade():
    op.alter_column("users", "owner_id", new_column_name="user_id")  # expect[missing-column]: names column "owner_id", which table "users" does not have help: It fails with: column "owner_id" does not exist.
