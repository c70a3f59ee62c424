"""shorter tokens: the schema is an expression, so the check query names
the table with an optional schema, not with Python

Revision ID: 0002
Revises: 0001
"""
from alembic import context, op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

prefix = context.get_context().version_table_schema + "." if context.get_context().version_table_schema else ""


def upgrade():
    op.alter_column("tokens", "token", existing_type=sa.String(3072), type_=sa.String(352), schema=prefix[:-1])  # expect[type-change-without-using:warning]: narrows column "token" help: (SELECT count(*) FROM [<schema>.]tokens WHERE length(token) > 352)


def downgrade():
    op.alter_column("tokens", "token", existing_type=sa.String(352), type_=sa.String(3072), schema=prefix[:-1])
