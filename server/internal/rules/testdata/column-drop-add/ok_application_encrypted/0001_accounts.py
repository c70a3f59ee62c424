"""accounts

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "cfs_account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("bank_account_number", sa.String(50), nullable=True),
    )


def downgrade():
    op.drop_table("cfs_account")
