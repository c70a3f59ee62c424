"""builds keyed twice to their pull request: PostgreSQL names the second key build_pr_id_fkey1

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("pull_request", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "build",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("pr_id", sa.Integer(), sa.ForeignKey("pull_request.id")),
        sa.ForeignKeyConstraint(["pr_id"], ["pull_request.id"]),
    )


def downgrade():
    op.drop_table("pull_request")  # expect[fk-operation-order]: help: Drop "build" (or its foreign keys "build_pr_id_fkey", "build_pr_id_fkey1") first
    op.drop_table("build")
