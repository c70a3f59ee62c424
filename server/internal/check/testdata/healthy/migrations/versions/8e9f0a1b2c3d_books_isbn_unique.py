"""books.isbn, unique

Revision ID: 8e9f0a1b2c3d
Revises: 6a5b4c3d2e1f
Create Date: 2023-10-17 15:50:46.118032

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "8e9f0a1b2c3d"
down_revision: Union[str, None] = "6a5b4c3d2e1f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("books", sa.Column("isbn", sa.String(length=13), nullable=True))
    op.create_unique_constraint("uq_books_isbn", "books", ["isbn"])


def downgrade() -> None:
    op.drop_constraint("uq_books_isbn", "books", type_="unique")
    op.drop_column("books", "isbn")
