"""is_active becomes a boolean

Revision ID: 7e4b2d9c1a55
Revises: 0001
Create Date: 2026-11-23 14:02:11.771203

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "7e4b2d9c1a55"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column(  # expect[type-change-without-using]: from integer to boolean
            "is_active",
            existing_type=sa.INTEGER(),
            type_=sa.Boolean(),
            existing_nullable=True,
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column(  # expect[type-change-without-using]: in table "users" in downgrade()
            "is_active",
            existing_type=sa.Boolean(),
            type_=sa.INTEGER(),
            existing_nullable=True,
        )
