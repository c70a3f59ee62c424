"""authors and books

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("authors", sa.Column("id", sa.Integer, primary_key=True))
    op.create_table(
        "books",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("authors.id", name="books_author_id_fkey")),
    )


def downgrade():
    op.drop_table("books")
    op.drop_table("authors")
