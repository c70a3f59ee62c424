"""SQLite resolves foreign keys lazily: a forward reference is fine

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "commit_tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commit_id", sa.Integer(), sa.ForeignKey("commits.id"), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table("commits", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("commits")
    op.drop_table("commit_tag")
