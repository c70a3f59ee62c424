"""right

Revision ID: 0003
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0001"


def upgrade():
    op.add_column("a", sa.Column("right", sa.Integer()))


def downgrade():
    op.drop_column("a", "right")
