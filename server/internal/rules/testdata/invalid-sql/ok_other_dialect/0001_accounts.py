"""accounts

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None

is_sqlite = op.get_context().dialect.name == "sqlite"


def upgrade():
    op.execute("CREATE TABLE accounts (id int PRIMARY KEY, email text)")
    if op.get_context().dialect.name == "mysql":
        op.execute("ALTER TABLE accounts MODIFY email VARCHAR(320) NOT NULL")
    else:
        op.execute("ALTER TABLE accounts ALTER COLUMN email TYPE varchar(320)")
    url = str(op.get_bind().engine.url)
    if url.startswith("mysql"):
        op.execute("ALTER TABLE accounts CONVERT TO CHARACTER SET utf8mb4")
    if is_sqlite:
        op.execute("PRAGMA foreign_keys = OFF")
    op.execute("UPDATE accounts SET `email` = lower(`email`)")


def downgrade():
    op.execute("DROP TABLE accounts")
