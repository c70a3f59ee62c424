"""the kind of an account is checked; the downgrade, written from the
upgrade, makes the check again where it should drop it

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_check_constraint("ck_accounts_kind", "accounts", "kind in ('user', 'bot')")  # expect[downgrade-incomplete:error]: never drops it help: downgrade() creates "ck_accounts_kind" again at line 18 while it is still there, and fails with: constraint "ck_accounts_kind" for relation "accounts" already exists. Drop it first, before line 18: op.drop_constraint("ck_accounts_kind", "accounts", type_="check")


def downgrade():
    op.create_check_constraint("ck_accounts_kind", "accounts", "kind in ('user', 'bot', 'service')")
