"""a use counter

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("tokens", sa.Column("uses", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("tokens", "uses")
