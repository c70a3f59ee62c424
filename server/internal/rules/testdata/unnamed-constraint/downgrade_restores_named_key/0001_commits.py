"""authors and commits, the commit's author key named

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "commits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id", name="fk_commit_author")),
    )


def downgrade():
    op.drop_table("commits")
    op.drop_table("authors")
