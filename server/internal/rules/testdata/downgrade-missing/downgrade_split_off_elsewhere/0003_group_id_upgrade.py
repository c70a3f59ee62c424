"""group_id becomes a string: the upgrade recipe; 0002 below reverts members, not the table it also changes

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.alter_column("members", "group_id", existing_type=sa.Integer(), type_=sa.String(80))
    op.add_column("groups_seen", sa.Column("note", sa.Text()))


def downgrade():  # expect[downgrade-missing]: downgrade() does nothing
    pass
