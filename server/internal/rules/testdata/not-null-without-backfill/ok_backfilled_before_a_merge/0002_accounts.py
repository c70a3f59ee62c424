"""accounts

Revision ID: 0002
Revises: "0001"
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("invoices", sa.Column("account_id", sa.Integer(), nullable=True))
    op.execute("UPDATE invoices SET account_id = 1 WHERE account_id IS NULL")


def downgrade():
    op.drop_column("invoices", "account_id")
