"""drop users.age

Revision ID: 7a8b9c0d1e2f
Revises: 0001
"""
from typing import Sequence, Union

from alembic.op import add_column, drop_column
import sqlalchemy as sa

revision: str = "7a8b9c0d1e2f"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _drop_legacy_columns() -> None:
    drop_column("users", "age")  # expect[backward-incompatible]: help: column users.age does not exist


def upgrade() -> None:
    _drop_legacy_columns()


def downgrade() -> None:
    add_column("users", sa.Column("age", sa.Integer(), nullable=True))
