"""app schema tables

Revision ID: 1a2b3c4d5e6f
Revises:
"""
from typing import Sequence, Union

from alembic.op import create_table, drop_table
import sqlalchemy as sa

revision: str = "1a2b3c4d5e6f"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), schema="app")
    create_table(
        "invoices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("total", sa.Numeric(12, 2), nullable=False),
        schema="app",
    )


def downgrade() -> None:
    drop_table("invoices", schema="app")
    drop_table("accounts", schema="app")
