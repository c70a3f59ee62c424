"""nicknames, made anew

Revision ID: 2d3e4f5a6b7c
Revises: 1c2d3e4f5a6b
"""
from alembic import op

revision = "2d3e4f5a6b7c"
down_revision = "1c2d3e4f5a6b"
branch_labels = None
depends_on = None


def upgrade():
    # the drop before the add in the same string does not undo it
    op.execute("ALTER TABLE accounts DROP COLUMN IF EXISTS nickname; ALTER TABLE accounts ADD COLUMN nickname text")  # expect[downgrade-incomplete]: column "nickname" is added to "accounts"


def downgrade():
    op.execute("UPDATE accounts SET email = lower(email)")
