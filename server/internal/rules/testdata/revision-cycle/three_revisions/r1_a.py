"""revision r1

Revision ID: r1
Revises: r3
"""
from alembic import op
import sqlalchemy as sa

revision = "r1"
down_revision = "r3"  # expect[revision-cycle]: revision cycle: r1 -> r3 -> r2 -> r1 help: Each revision's down_revision points back into the cycle
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
