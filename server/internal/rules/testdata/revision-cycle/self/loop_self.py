"""revision loop

Revision ID: loop
Revises: loop
"""
from alembic import op
import sqlalchemy as sa

revision = "loop"
down_revision = "loop"  # expect[revision-cycle]: revision cycle: loop -> loop help: Each revision's down_revision points back into the cycle
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
