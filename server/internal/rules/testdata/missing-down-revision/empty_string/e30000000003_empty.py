"""revision e30000000003

Revision ID: e30000000003
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "e30000000003"
down_revision = ""  # expect[missing-down-revision]: down_revision "" of revision "e30000000003" does not exist help: Alembic cannot build its revision map
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
