"""merge editor and isbn branches

Revision ID: 7f6e5d4c3b2a
Revises: d3c2b1a09f8e, 8e9f0a1b2c3d
Create Date: 2023-10-18 09:00:12.550781

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7f6e5d4c3b2a'
down_revision = ('d3c2b1a09f8e', '8e9f0a1b2c3d')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
