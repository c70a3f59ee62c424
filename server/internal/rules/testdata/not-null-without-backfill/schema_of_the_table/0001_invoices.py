"""invoices and ledgers, in their schemas

Revision ID: 0001
Revises:
"""
import os

from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None

LEDGER_SCHEMA = os.environ.get("LEDGER_SCHEMA", "accounts")


def upgrade():
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(20), nullable=True),
        schema="billing",
    )
    op.create_table(
        "ledgers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(20), nullable=True),
        schema=LEDGER_SCHEMA,
    )


def downgrade():
    op.drop_table("ledgers", schema=LEDGER_SCHEMA)
    op.drop_table("invoices", schema="billing")
