"""drop legacy tables

Revision ID: 8f9a0b1c2d3e
Revises: 7e8f9a0b1c2d
"""
from alembic import op

revision = "8f9a0b1c2d3e"
down_revision = "7e8f9a0b1c2d"


def upgrade():
    op.drop_table("legacy_events")


def downgrade():
    """Cannot be undone."""
    raise NotImplementedError("legacy_events is gone for good")
