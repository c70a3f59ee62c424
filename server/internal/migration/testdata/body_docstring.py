"""irreversible cleanup

Revision ID: 7e8f9a0b1c2d
Revises: 6d7e8f9a0b1c
"""
from alembic import op

revision = "7e8f9a0b1c2d"
down_revision = "6d7e8f9a0b1c"


def upgrade() -> None:
    op.drop_column("users", "legacy_token")


def downgrade() -> None:
    """The token cannot be restored."""
    # intentionally empty
    ...
