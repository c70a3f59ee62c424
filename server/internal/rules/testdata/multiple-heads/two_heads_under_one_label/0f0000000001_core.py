"""revision 0f0000000001

Revision ID: 0f0000000001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0f0000000001"
down_revision = None
branch_labels = ("core",)
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
