"""the first revision drops a table of the schema made before Alembic

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.drop_table("legacy_sessions")


def downgrade():
    pass
