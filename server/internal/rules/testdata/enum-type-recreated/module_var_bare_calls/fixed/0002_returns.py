"""returns

Revision ID: 5d0c7e2a9b31
Revises: 0001
Create Date: 2026-11-22 08:30:00.000000

"""
from typing import Sequence, Union

from alembic.op import create_table, drop_table
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision: str = "5d0c7e2a9b31"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

status = sa.Enum("pending", "shipped", "cancelled", name="status_type")


def upgrade() -> None:
    create_table(
        "returns",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", postgresql.ENUM("pending", "shipped", "cancelled", name="status_type", create_type=False), nullable=False),  # expect[enum-type-recreated]: help: create_type=False
    )


def downgrade() -> None:
    drop_table("returns")
