"""orders get a currency; the default was meant to fill the old rows

Revision ID: 0002_currency
Revises: 0001_orders
"""
from alembic.op import add_column, alter_column, drop_column
import sqlalchemy as sa

revision = "0002_currency"
down_revision = "0001_orders"
branch_labels = None
depends_on = None


def upgrade():
    add_column("orders", sa.Column("currency", sa.String(3), nullable=True))
    alter_column("orders", "currency", nullable=False, server_default="EUR")  # expect[not-null-without-backfill:warning]: added above help: just below, created the table


def downgrade():
    drop_column("orders", "currency")
