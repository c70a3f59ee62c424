"""currencies, seeded

Revision ID: 4a5b6c7d8e9f
Revises: 0020_batch_books
Create Date: 2024-01-22 14:15:06.338471

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "4a5b6c7d8e9f"
down_revision: Union[str, None] = "0020_batch_books"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "currencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code", name="uq_currencies_code"),
    )
    # A lightweight table for the insert: never import the application's
    # models into a migration.
    currencies = sa.table(
        "currencies",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
    )
    op.bulk_insert(
        currencies,
        [
            {"code": "EUR", "name": "Euro"},
            {"code": "USD", "name": "US dollar"},
            {"code": "GBP", "name": "Pound sterling"},
            {"code": "CHF", "name": "Swiss franc"},
        ],
    )


def downgrade() -> None:
    op.drop_table("currencies")
