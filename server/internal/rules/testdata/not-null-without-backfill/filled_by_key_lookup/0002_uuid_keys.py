"""uuid keys: each invoice takes its account's new key

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("accounts", sa.Column("uid", postgresql.UUID(), nullable=True))
    op.add_column("invoices", sa.Column("account_uid", postgresql.UUID(), nullable=True))
    op.execute("UPDATE accounts SET uid = gen_random_uuid()")
    op.execute("UPDATE invoices SET account_uid = (SELECT a.uid FROM accounts AS a WHERE a.id = invoices.account_id)")


def downgrade():
    op.drop_column("invoices", "account_uid")
    op.drop_column("accounts", "uid")
