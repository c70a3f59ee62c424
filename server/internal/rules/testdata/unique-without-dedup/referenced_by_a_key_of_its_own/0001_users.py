"""users, and the groupings they are members of

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(200)))
    op.create_table(
        "grouping_membership",
        sa.Column("grouping_id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
    )
    # its key holds the reference and the row's own id: re-pointed rows stay apart
    op.create_table(
        "logins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
    )
    # one profile per user: its unique key is the reference alone
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), unique=True),
    )


def downgrade():
    op.drop_table("profiles")
    op.drop_table("logins")
    op.drop_table("grouping_membership")
    op.drop_table("users")
