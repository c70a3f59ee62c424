"""revision h1

Revision ID: h1
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "h1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
