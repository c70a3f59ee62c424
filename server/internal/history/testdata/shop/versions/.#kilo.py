"""merge core and billing

Revision ID: kilo
Revises: 0002_orders, 2b3c4d5e6f7a
Create Date: 2024-05-01 12:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "kilo"
down_revision: Union[str, Sequence[str], None] = ("0002_orders", "2b3c4d5e6f7a")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("email", nullable=False, existing_type=sa.String(length=255))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("email", nullable=True, existing_type=sa.String(length=255))
