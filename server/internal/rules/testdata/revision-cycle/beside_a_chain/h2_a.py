"""revision h2

Revision ID: h2
Revises: h1
"""
from alembic import op
import sqlalchemy as sa

revision = "h2"
down_revision = "h1"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
