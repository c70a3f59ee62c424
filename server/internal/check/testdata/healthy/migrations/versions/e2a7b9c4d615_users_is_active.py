"""users.is_active

Revision ID: e2a7b9c4d615
Revises: 0005_user_role
Create Date: 2023-06-01 10:55:02.732190

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "e2a7b9c4d615"
down_revision: Union[str, None] = "0005_user_role"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Existing rows get true from the server default; the default is then
    # removed so that the application always sets the value itself.
    op.add_column(
        "users",
        sa.Column(
            "is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False
        ),
    )
    op.alter_column("users", "is_active", existing_type=sa.Boolean(), server_default=None)


def downgrade() -> None:
    op.drop_column("users", "is_active")
