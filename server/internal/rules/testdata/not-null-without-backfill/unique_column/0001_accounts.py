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
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("login", sa.Text(), nullable=True),
        sa.Column("handle", sa.Text(), nullable=True),
        sa.Column("nickname", sa.Text(), nullable=True),
        sa.Column("team", sa.Integer(), nullable=True),
        sa.Column("seat", sa.Integer(), nullable=True),
        sa.Column("region", sa.Integer(), nullable=True),
        sa.Column("zone", sa.Integer(), nullable=True),
        sa.Column("slot", sa.Integer(), nullable=True),
    )
    op.create_index("ix_accounts_login", "accounts", ["login"], unique=True)
    op.create_unique_constraint("uq_accounts_nickname_id", "accounts", ["nickname", "id"])
    op.create_unique_constraint("uq_accounts_team_seat", "accounts", ["team", "seat"])
    op.create_unique_constraint("uq_accounts_region_zone", "accounts", ["region", "zone"])


def downgrade():
    op.drop_table("accounts")
