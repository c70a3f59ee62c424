"""locks and the stacks that use them

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("locks", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("digest", sa.String(64)))
    op.create_table(
        "stacks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lock_id", sa.Integer(), sa.ForeignKey("locks.id", ondelete="CASCADE")),
    )


def downgrade():
    op.drop_table("stacks")
    op.drop_table("locks")
