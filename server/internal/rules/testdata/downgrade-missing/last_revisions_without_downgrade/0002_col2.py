"""column 2

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("states", sa.Column("c2", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("states", "c2")
