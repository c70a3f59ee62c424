"""merge_heads

Revision ID: 0004
Revises: ("0002", "0003")
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = ("0002", "0003")


def upgrade():
    pass


def downgrade():
    pass
