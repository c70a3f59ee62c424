"""revision d00000000002

Revision ID: d00000000002
Revises: d00000000001
"""
from alembic import op
import sqlalchemy as sa

revision = "d00000000002"  # expect[duplicate-revision]: also declared by 0002_first.py help: Alembic warns "Revision ... is present more than once" and keeps only one of the two files
down_revision = "d00000000001"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
