"""accounts

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.execute("CREATE TABLE accounts (id serial PRIMARY KEY, email text)")
    op.execute("ALTER TABEL accounts ADD COLUMN nickname text")  # expect[invalid-sql]: PostgreSQL rejects this SQL: syntax error at or near "TABEL" help: The migration fails here when it runs.
    op.execute(sa.text("UPDATE accounts SET email = lower(email WHERE id = :id"))  # expect[invalid-sql]: syntax error at or near "WHERE"
    conn = op.get_bind()
    conn.execute(sa.text(
        "CREATE INDEX ix_accounts_email ON accounts (email); "
        "ALTER TABLE accounts ADD CONSTRAINT uq_email UNIQUE email"  # expect[invalid-sql]: syntax error at or near "email"
    ))
    op.execute("""
        UPDATE accounts SET email = '' WHERE email IS NULL;
        ALTER TABLE accounts ALTER COLUMN email SET NOT NUL""")  # expect[invalid-sql]: syntax error at or near "NUL"
    op.execute("INSERT INTO accounts (email) VALUES ('a@b.c'")  # expect[invalid-sql]: syntax error at end of input


def downgrade():
    op.execute("ALTER TABLE accounts ENAME COLUMN nickname TO nick")  # expect[invalid-sql]: syntax error at or near "ENAME" help: The downgrade fails here when it runs.
    op.execute("DROP TABLE accounts")
