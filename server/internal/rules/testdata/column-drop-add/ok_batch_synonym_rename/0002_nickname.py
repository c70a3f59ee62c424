"""handle becomes nickname

Revision ID: b1c2d3e4f5a6
Revises: a0b1c2d3e4f5
Create Date: 2026-07-08 07:07:07.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "b1c2d3e4f5a6"
down_revision: Union[str, None] = "a0b1c2d3e4f5"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("players", schema=None) as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.Unicode(length=50), nullable=True))
        batch_op.add_column(sa.Column("last_seen", sa.DateTime(), nullable=True))
        batch_op.drop_column("handle")


def downgrade() -> None:
    with op.batch_alter_table("players", schema=None) as batch_op:
        batch_op.add_column(sa.Column("handle", sa.VARCHAR(length=50), nullable=True))
        batch_op.drop_column("last_seen")
        batch_op.drop_column("nickname")
