"""a new connection of its own is switched, not the migration's

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("UPDATE users SET email = lower(email)")
    bind = op.get_bind()
    with bind.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users (email)")


def downgrade():
    op.execute("DROP INDEX IF EXISTS ix_users_email")
