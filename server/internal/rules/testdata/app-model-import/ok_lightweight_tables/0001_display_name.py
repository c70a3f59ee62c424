"""backfill display names with a lightweight table

Revision ID: 2b9e6f4c1a03
Revises:
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel
from sqlalchemy.orm import declarative_base

revision: str = "2b9e6f4c1a03"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

users = sa.table("users", sa.column("name", sa.String), sa.column("display_name", sa.String))
Base = declarative_base()


def upgrade() -> None:
    op.add_column("users", sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.execute(users.update().values(display_name=users.c.name))


def downgrade() -> None:
    op.drop_column("users", "display_name")
