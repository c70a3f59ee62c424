"""tokens, in the schema of the version table when there is one

Revision ID: 0001
Revises:
"""
from alembic import context, op
import sqlalchemy as sa

revision = "0001"
down_revision = None

prefix = context.get_context().version_table_schema + "." if context.get_context().version_table_schema else ""


def upgrade():
    op.create_table("tokens", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("token", sa.String(3072)), schema=prefix[:-1])


def downgrade():
    op.drop_table("tokens", schema=prefix[:-1])
