"""revision x1

Revision ID: x1
Revises: x2
"""
from alembic import op
import sqlalchemy as sa

revision = "x1"
down_revision = "x2"  # expect[revision-cycle]: revision cycle: x1 -> x2 -> x1 help: Each revision's down_revision points back into the cycle
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
