"""index events.kind concurrently

Revision ID: 0002
Revises: 0001
"""
from typing import Sequence, Union

from alembic.op import create_index, drop_index

revision: str = "0002"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    create_index(  # expect[concurrently-in-transaction]: help: CREATE INDEX CONCURRENTLY cannot run
        "ix_events_kind",
        "events",
        ["kind"],
        postgresql_concurrently=True,
    )


def downgrade() -> None:
    drop_index("ix_events_kind", table_name="events", postgresql_concurrently=True)  # expect[concurrently-in-transaction]: DROP INDEX CONCURRENTLY
