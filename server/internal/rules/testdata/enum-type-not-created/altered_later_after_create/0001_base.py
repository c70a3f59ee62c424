"""first revision on a schema made by create_all

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.execute("ALTER TABLE tickets ADD COLUMN note text")


def downgrade():
    op.execute("ALTER TABLE tickets DROP COLUMN note")
