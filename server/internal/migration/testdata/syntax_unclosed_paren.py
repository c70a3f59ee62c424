"""half-edited migration

Revision ID: 2d3e4f5a6b7c
Revises: 1c2d3e4f5a6b
"""
from alembic import op
import sqlalchemy as sa

revision = "2d3e4f5a6b7c"
down_revision = "1c2d3e4f5a6b"


def upgrade():
    op.drop_index("ix_users_email", table_name="users")
    op.add_column("users", sa.Column("email", sa.String(255), nullable=True)


def downgrade():
    op.drop_column("users", "email")
