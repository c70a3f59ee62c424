"""accounts

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.execute("CREATE TABLE accounts (id int PRIMARY KEY, email text)")
    op.execute("ALTER TABLE accounts ALTER COLUMN email TYPE varchar(320")  # expect[invalid-sql:warning]: syntax error at end of input


def downgrade():
    op.execute("DROP TABLE accounts")
