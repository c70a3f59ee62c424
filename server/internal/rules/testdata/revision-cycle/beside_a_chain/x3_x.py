"""revision x3

Revision ID: x3
Revises: x2
"""
from alembic import op
import sqlalchemy as sa

revision = "x3"
down_revision = "x2"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
