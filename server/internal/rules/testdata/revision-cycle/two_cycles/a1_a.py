"""revision a1

Revision ID: a1
Revises: a2
"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = "a2"  # expect[revision-cycle]: revision cycle: a1 -> a2 -> a1 help: Each revision's down_revision points back into the cycle
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
