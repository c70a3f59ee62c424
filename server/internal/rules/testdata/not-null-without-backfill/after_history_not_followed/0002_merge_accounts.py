"""accounts are merged by code of the application, which may fill
clients.account_id: the tool cannot follow it

Revision ID: 0002
Revises: 0001
"""
from alembic import op

from app.merge import merge_accounts

revision = "0002"
down_revision = "0001"


def upgrade():
    merge_accounts(op.get_bind())


def downgrade():
    pass
