"""books.editor_id: ON DELETE SET NULL

Revision ID: a0b1c2d3e4f6
Revises: 9f0a1b2c3d4e
Create Date: 2024-05-21 14:44:27.190355

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "a0b1c2d3e4f6"
down_revision: Union[str, None] = "9f0a1b2c3d4e"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.drop_constraint("fk_books_editor_id_users", "books", type_="foreignkey")
    op.create_foreign_key(
        "fk_books_editor_id_users",
        "books",
        "users",
        ["editor_id"],
        ["id"],
        ondelete="SET NULL",
    )


def downgrade() -> None:
    op.drop_constraint("fk_books_editor_id_users", "books", type_="foreignkey")
    op.create_foreign_key(
        "fk_books_editor_id_users", "books", "users", ["editor_id"], ["id"]
    )
