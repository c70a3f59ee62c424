"""notes move to the archive for good

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("notes", "archived_notes")


def downgrade():  # expect[downgrade-missing:info]: only raises
    raise NotImplementedError("the archive is not moved back")
