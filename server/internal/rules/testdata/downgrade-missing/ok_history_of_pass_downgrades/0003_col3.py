"""column 3

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("states", sa.Column("c3", sa.Integer(), nullable=True))


def downgrade():
    pass
