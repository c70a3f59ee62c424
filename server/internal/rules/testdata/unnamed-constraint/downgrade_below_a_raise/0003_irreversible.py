"""a change that cannot be undone

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.drop_column("child", "parent_id")


def downgrade():
    raise NotImplementedError("the parent links are gone")
