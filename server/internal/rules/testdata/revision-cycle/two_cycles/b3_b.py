"""revision b3

Revision ID: b3
Revises: b1
"""
from alembic import op
import sqlalchemy as sa

revision = "b3"
down_revision = "b1"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
