"""merge the unknowns and online branches

Revision ID: 0004
Revises: 0002, 0003
"""
from alembic import op

revision = "0004"
down_revision = ("0002", "0003")
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
