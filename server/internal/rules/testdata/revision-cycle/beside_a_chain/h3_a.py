"""revision h3

Revision ID: h3
Revises: h2
"""
from alembic import op
import sqlalchemy as sa

revision = "h3"
down_revision = "h2"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
