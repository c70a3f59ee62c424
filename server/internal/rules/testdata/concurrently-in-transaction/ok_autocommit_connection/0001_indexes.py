"""indexes built on a connection switched to autocommit

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    connection.commit()
    autocommit_connection = connection.execution_options(isolation_level="AUTOCOMMIT")
    autocommit_connection.exec_driver_sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_messages_created ON messages (created_at)")
    op.get_bind().execution_options(isolation_level="AUTOCOMMIT").execute(
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_messages_agent ON messages (agent_id)"
    )


def downgrade() -> None:
    connection = op.get_bind()
    ac = connection.execution_options(isolation_level="AUTOCOMMIT")
    ac.exec_driver_sql("DROP INDEX CONCURRENTLY IF EXISTS ix_messages_agent")
    ac.exec_driver_sql("DROP INDEX CONCURRENTLY IF EXISTS ix_messages_created")
