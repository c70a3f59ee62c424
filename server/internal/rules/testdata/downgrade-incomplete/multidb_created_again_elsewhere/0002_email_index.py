"""the users database indexes the email; the billing database's downgrade
makes an index of the same name in its own database, which drops nothing in
the users database

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade(engine_name):
    globals()["upgrade_%s" % engine_name]()


def downgrade(engine_name):
    globals()["downgrade_%s" % engine_name]()


def upgrade_users():
    op.create_index("ix_accounts_email", "accounts", ["email"])  # expect[downgrade-incomplete:warning]: never drops it help: After `alembic downgrade` the next `alembic upgrade` fails with: relation "ix_accounts_email" already exists. Add to downgrade(): op.drop_index("ix_accounts_email", table_name="accounts")


def downgrade_users():
    pass


def upgrade_billing():
    op.drop_column("accounts", "email")


def downgrade_billing():
    op.add_column("accounts", sa.Column("email", sa.String(100)))
    op.create_index("ix_accounts_email", "accounts", ["email"])
