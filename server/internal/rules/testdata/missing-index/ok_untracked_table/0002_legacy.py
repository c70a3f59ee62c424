"""an index created on a table the history does not know may be the one dropped

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index("ix_legacy_code", "legacy", ["code"])


def downgrade():
    op.drop_index("ix_legacy_code", table_name="users")
