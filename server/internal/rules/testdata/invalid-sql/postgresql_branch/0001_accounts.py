"""accounts

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.execute("CREATE TABLE accounts (id int PRIMARY KEY, email text)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX CONCURRENTLY ix_accounts_email ON accounts USING gin (email gin_trgm_ops")  # expect[invalid-sql]: syntax error at end of input
    else:
        op.execute("CREATE INDEX ix_accounts_email ON accounts (email")


def downgrade():
    op.execute("DROP TABLE accounts")
