"""revision d00000000002

Revision ID: d00000000002
Revises: d00000000001
"""
from alembic import op
import sqlalchemy as sa

revision = "d00000000002"  # expect[duplicate-revision]: also declared by testdata/duplicate-revision/three_files/0002_first.py; Alembic warns
down_revision = "d00000000001"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
