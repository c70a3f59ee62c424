"""column 5

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.add_column("states", sa.Column("c5", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("states", "c5")
