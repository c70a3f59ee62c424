"""no way back from here

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("users", sa.Column("frozen", sa.Boolean(), nullable=True))


def downgrade():
    raise NotImplementedError("no downgrade past 0003")
