"""revision r3

Revision ID: r3
Revises: r2
"""
from alembic import op
import sqlalchemy as sa

revision = "r3"
down_revision = "r2"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
