"""drop the legacy tables and their types, in a loop over a module constant

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LEGACY_TYPES = (
    "treetype",
)


def upgrade():
    op.drop_table("nodes")
    for enum in LEGACY_TYPES:
        op.execute(f'DROP TYPE IF EXISTS "{enum}"')


def downgrade():
    raise NotImplementedError("irreversible: restore from a backup")
