"""an audit table, made on PostgreSQL only: its drop belongs in the same branch

Revision ID: 0001
Revises:
"""
from alembic import context, op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    if context.get_context().dialect.name == "postgresql":
        op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():  # expect[downgrade-missing]: downgrade() does nothing
    pass
