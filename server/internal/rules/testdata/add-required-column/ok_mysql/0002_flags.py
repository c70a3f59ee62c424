"""MySQL fills the existing rows with the implicit default (0)

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("feedback", sa.Column("busy", sa.Boolean(), nullable=False, default=False))


def downgrade():
    op.drop_column("feedback", "busy")
