"""the first base creates the tables

Revision ID: 0003
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0001"


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("ledgers", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("audits", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("at", sa.DateTime()))


def downgrade():
    op.drop_table("audits")
    op.drop_table("ledgers")
    op.drop_table("accounts")
