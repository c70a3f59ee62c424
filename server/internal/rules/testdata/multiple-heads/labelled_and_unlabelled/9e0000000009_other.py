"""revision 9e0000000009

Revision ID: 9e0000000009
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "9e0000000009"  # expect[multiple-heads]: help: rebase its branch onto "1e0000000002"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
