"""group_id becomes a string: the upgrade recipe; its revert is the downgrade of 0002, just below

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.alter_column("members", "group_id", existing_type=sa.Integer(), type_=sa.String(80))


def downgrade():
    pass
