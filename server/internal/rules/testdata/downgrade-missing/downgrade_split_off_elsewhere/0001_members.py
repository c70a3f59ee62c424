"""members and their group

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("groups_seen", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
    )


def downgrade():
    op.drop_table("members")
    op.drop_table("groups_seen")
