"""accounts name

Revision ID: 0002_accounts_name
Revises: 0001_accounts
"""
from alembic.op import add_column, create_index, drop_column
import sqlalchemy as sa
from alembic import op

revision = "0002_accounts_name"
down_revision = "0001_accounts"


def upgrade():
    add_column("accounts", sa.Column("name", sa.String(100)))
    create_index("ix_accounts_email_name", "accounts", ["email", "name"])
    create_index("ix_accounts_email_domain", "accounts", ["email"])  # expect[downgrade-incomplete]: help: op.drop_index("ix_accounts_email_domain", table_name="accounts")


def downgrade():
    # dropping the column also drops ix_accounts_email_name, which uses it
    drop_column("accounts", "name")
    op.drop_index("ix_accounts_email_domain", table_name="accounts")
