"""a helper the tool cannot read: the history is unknown from here

Revision ID: 0002
Revises: 0001
"""
from alembic import op

from legacy.schema import apply_legacy_changes

revision = "0002"
down_revision = "0001"


def upgrade():
    apply_legacy_changes(op)


def downgrade():
    pass
