"""merge heads

Revision ID: 0004
Revises: 0002, 0003
Create Date: 2026-11-22 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = ('0003', '0002')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
