"""revision a2

Revision ID: a2
Revises: a1
"""
from alembic import op
import sqlalchemy as sa

revision = "a2"
down_revision = "a1"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
