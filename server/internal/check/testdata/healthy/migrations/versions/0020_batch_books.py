"""books.published_at (batch mode).

Revision ID: 0020_batch_books
Revises: 3f4a5b6c7d8e
Create Date: 2024-01-09 10:27:50.803185
"""
from alembic import op
import sqlalchemy as sa

revision = "0020_batch_books"
down_revision = "3f4a5b6c7d8e"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("books", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_at", sa.Date(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_books_published_at"), ["published_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("books", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_books_published_at"))
        batch_op.drop_column("published_at")
