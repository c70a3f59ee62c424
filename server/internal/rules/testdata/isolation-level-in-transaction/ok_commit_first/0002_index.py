"""the transaction is committed before the switch

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("UPDATE users SET email = lower(email)")
    connection = op.get_bind()
    connection.commit()
    autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
    autocommit.exec_driver_sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users (email)")


def downgrade():
    connection = op.get_bind()
    connection.commit()
    connection.execution_options(isolation_level="AUTOCOMMIT")
    op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_users_email")
