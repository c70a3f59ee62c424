"""tags

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from inventory import models  # noqa: F401

revision = "0001"
down_revision = None


def upgrade():
    op.add_column("items", sa.Column("tags", sa.String(), nullable=True))


def downgrade():
    op.drop_column("items", "tags")
