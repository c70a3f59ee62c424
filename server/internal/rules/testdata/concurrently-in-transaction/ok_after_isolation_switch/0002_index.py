"""an index built after switching the connection to autocommit

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.get_bind().execution_options(isolation_level="AUTOCOMMIT")
    op.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)")


def downgrade():
    conn = op.get_bind()
    conn.execution_options(isolation_level="AUTOCOMMIT")
    op.drop_index("ix_users_email", table_name="users", postgresql_concurrently=True)
