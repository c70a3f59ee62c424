"""accounts, in SQL

Revision ID: 3e4f5a6b7c8d
Revises:
"""
from alembic import op

revision = "3e4f5a6b7c8d"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE accounts (id integer PRIMARY KEY, email text); CREATE TABLE owners (id integer PRIMARY KEY)")


def downgrade():
    op.execute("DROP TABLE owners; DROP TABLE accounts")
