"""invoice numbers and ledger codes are required

Revision ID: 0002
Revises: 0001
"""
import os

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

LEDGER_SCHEMA = os.environ.get("LEDGER_SCHEMA", "accounts")


def upgrade():
    op.alter_column("invoices", "number", existing_type=sa.String(20), nullable=False, schema="billing")  # expect[not-null-without-backfill]: nothing before it fills help: op.execute("UPDATE billing.invoices SET number = <value> WHERE number IS NULL")$
    op.alter_column("ledgers", "code", existing_type=sa.String(20), nullable=False, schema=LEDGER_SCHEMA)  # expect[not-null-without-backfill]: nothing before it fills help: op.execute("UPDATE <LEDGER_SCHEMA>.ledgers SET code = <value> WHERE code IS NULL")$


def downgrade():
    op.alter_column("ledgers", "code", existing_type=sa.String(20), nullable=True, schema=LEDGER_SCHEMA)
    op.alter_column("invoices", "number", existing_type=sa.String(20), nullable=True, schema="billing")
