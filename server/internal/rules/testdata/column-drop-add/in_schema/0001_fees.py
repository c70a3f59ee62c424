"""fees, in the billing schema

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
SCHEMA = "billing"


def upgrade():
    op.create_table("fees", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("amount", sa.Numeric()), schema=SCHEMA)


def downgrade():
    op.drop_table("fees", schema=SCHEMA)
