"""an index created in SQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("CREATE INDEX ix_users_lower_email ON users (lower(email))")


def downgrade():
    op.drop_index("ix_users_lower_email", table_name="users")
