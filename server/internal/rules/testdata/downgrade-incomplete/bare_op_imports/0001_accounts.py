"""accounts, written with bare op imports

Revision ID: 0001_accounts
Revises:
"""
from alembic.op import create_index, create_table, drop_table
import sqlalchemy as sa

revision = "0001_accounts"
down_revision = None


def upgrade():
    create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(200)))
    create_index("ix_accounts_email", "accounts", ["email"], unique=True)


def downgrade():
    drop_table("accounts")
