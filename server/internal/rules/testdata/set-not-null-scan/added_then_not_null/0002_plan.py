"""users.plan

Revision ID: 3c4d5e6f7a8b
Revises: 0001
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "3c4d5e6f7a8b"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _backfill():
    op.execute("UPDATE users SET plan = 'free' WHERE plan IS NULL")


def upgrade() -> None:
    op.add_column("users", sa.Column("plan", sa.String(length=20), nullable=True))
    _backfill()
    op.alter_column("users", "plan", nullable=False)  # expect[set-not-null-scan]: alter_column("users", "plan", nullable=False) scans every row


def downgrade() -> None:
    op.drop_column("users", "plan")
