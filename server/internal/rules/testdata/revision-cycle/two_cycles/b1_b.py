"""revision b1

Revision ID: b1
Revises: b2
"""
from alembic import op
import sqlalchemy as sa

revision = "b1"
down_revision = "b2"  # expect[revision-cycle]: revision cycle: b1 -> b2 -> b3 -> b1 help: Each revision's down_revision points back into the cycle
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
