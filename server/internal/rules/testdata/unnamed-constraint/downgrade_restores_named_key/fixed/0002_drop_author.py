"""commits lose their author; the downgrade adds it back with an unnamed key

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_column("commits", "author_id")


def downgrade():
    op.add_column("commits", sa.Column("author_id", sa.Integer(), nullable=True))
    op.create_foreign_key("fk_commit_author", "commits", "authors", ["author_id"], ["id"])  # expect[unnamed-constraint:info]: leaves the name to PostgreSQL: "commits_author_id_fkey" help: Before the upgrade the key was named "fk_commit_author": name it so, as it was.
