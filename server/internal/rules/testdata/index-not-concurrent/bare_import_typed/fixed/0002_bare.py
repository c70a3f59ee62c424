"""index events by kind and date

Revision ID: 9f3c2a1b7d10
Revises: 0001
"""
from typing import Sequence, Union

from alembic.op import create_index, drop_index
import sqlalchemy as sa
from alembic import op

revision: str = "9f3c2a1b7d10"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
  with op.get_context().autocommit_block():
    create_index(  # expect[index-not-concurrent]: create_index builds index "ix_events_kind_created_at"
      "ix_events_kind_created_at",
      "events",
      ["kind", "created_at"],

      unique=False, postgresql_concurrently=True,  # both columns
    )


def downgrade() -> None:
  drop_index("ix_events_kind_created_at", table_name="events")
