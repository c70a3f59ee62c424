"""revision 4e5b6c7d8e9f

Revision ID: 4e5b6c7d8e9f
Revises: 3f2a9c1d4e5b, 77aa88bb99cc
"""
from alembic import op
import sqlalchemy as sa

revision = "4e5b6c7d8e9f"
down_revision = ("3f2a9c1d4e5b", "77aa88bb99cc")  # expect[missing-down-revision]: down_revision "77aa88bb99cc" of revision "4e5b6c7d8e9f" does not exist help: Alembic cannot build its revision map
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
