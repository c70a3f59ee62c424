"""revision e10000000001

Revision ID: e10000000001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "e10000000001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
