"""index names belong to the schema: the table named beside the name does not matter on PostgreSQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_index("ix_users_email", table_name="teams")


def downgrade():
    op.create_index("ix_users_email", "users", ["email"])
