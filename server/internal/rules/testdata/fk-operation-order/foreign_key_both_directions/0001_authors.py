"""authors and books

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
    op.create_table("books", sa.Column("id", sa.Integer(), nullable=False), sa.Column("author_id", sa.Integer()), sa.PrimaryKeyConstraint("id"))
    op.create_table("authors", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id"))
    op.create_foreign_key("books_author_id_fkey", "books", "authors", ["author_id"], ["id"])


def downgrade():
    op.drop_constraint("books_author_id_fkey", "books", type_="foreignkey")
    op.drop_table("authors")
    op.drop_table("books")
