"""revision x2

Revision ID: x2
Revises: x1
"""
from alembic import op
import sqlalchemy as sa

revision = "x2"
down_revision = "x1"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
