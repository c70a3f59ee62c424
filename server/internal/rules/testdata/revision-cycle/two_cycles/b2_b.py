"""revision b2

Revision ID: b2
Revises: b3
"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "b3"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
