"""every client has an account

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.alter_column("clients", "account_id", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill:info]: what fills the NULL rows before it is not known help: The history could not be followed past 0002_merge_accounts.py:16 (a call the tool cannot follow): what runs from there on may fill the column.


def downgrade():
    op.alter_column("clients", "account_id", existing_type=sa.Integer(), nullable=True)
