"""revision 2d0000000003

Revision ID: 2d0000000003
Revises: 0f0000000001
"""
from alembic import op
import sqlalchemy as sa

revision = "2d0000000003"  # expect[multiple-heads]: one of 2 heads that no branch label separates help: The heads are 1e0000000002, 2d0000000003.
down_revision = "0f0000000001"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
