"""geography moves to its own service

Revision ID: 8a7b6c5d4e3f
Revises: 5e1f0a9b3c2d
Create Date: 2026-10-01 11:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "8a7b6c5d4e3f"
down_revision: Union[str, None] = "5e1f0a9b3c2d"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.drop_table("addresses")
    op.drop_table("cities")  # expect[fk-operation-order]: help: constraint fk_addresses_city on table addresses
    op.drop_table("countries")  # expect[fk-operation-order]: help: constraint cities_country_id_fkey on table cities


def downgrade() -> None:
    op.create_table(
        "countries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "cities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("country_id", sa.Integer(), sa.ForeignKey("countries.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(  # expect[fk-operation-order]: create_table("addresses") has a foreign key to "cities"
        "addresses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("city_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["city_id"], ["cities.id"], name="fk_addresses_city"),
        sa.PrimaryKeyConstraint("id"),
    )
