"""the column renamed, then used by its new name; a case-insensitive match

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("jobs", "user_id", new_column_name="owner_id")
    op.drop_column("jobs", "owner_id")
    op.drop_column("users", "EMAIL")


def downgrade():
    pass
