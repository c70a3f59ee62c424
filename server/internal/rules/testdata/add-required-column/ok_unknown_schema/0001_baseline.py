"""baseline from the legacy schema dump

Revision ID: 0001
Revises:
"""
from alembic import op

from legacy.schema import SCHEMA_SQL

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(SCHEMA_SQL)


def downgrade():
    pass
