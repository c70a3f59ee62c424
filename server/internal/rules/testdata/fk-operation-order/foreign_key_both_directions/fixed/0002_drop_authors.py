"""drop authors

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("books_author_id_fkey", "books", type_="foreignkey")
    op.drop_table("authors")  # expect[fk-operation-order]: help: cannot drop table authors because other objects depend on it


def downgrade():
    op.create_table("authors", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id"))
    op.create_foreign_key("books_author_id_fkey", "books", "authors", ["author_id"], ["id"])  # expect[fk-operation-order]: help: relation "authors" does not exist
