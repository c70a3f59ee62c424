"""memberships

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("granted_by_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
    )
    op.create_foreign_key("memberships_revoked_by_id_fkey", "memberships", "users", ["revoked_by_id"], ["id"], ondelete="set null")


def downgrade():
    op.drop_table("memberships")
    op.drop_table("users")
