"""column 4

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.add_column("states", sa.Column("c4", sa.Integer(), nullable=True))


def downgrade():
    pass
