"""revision 3f2a9c1d4e5b

Revision ID: 3f2a9c1d4e5b
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "3f2a9c1d4e5b"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
