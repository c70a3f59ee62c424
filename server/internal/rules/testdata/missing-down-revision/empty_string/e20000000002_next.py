"""revision e20000000002

Revision ID: e20000000002
Revises: e10000000001
"""
from alembic import op
import sqlalchemy as sa

revision = "e20000000002"
down_revision = "e10000000001"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
