"""the switch comes first, in both functions

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.get_bind().execution_options(isolation_level="AUTOCOMMIT")  # expect[isolation-level-in-transaction:warning]: help: the earlier revisions of the same upgrade are lost unless transaction_per_migration=True
    op.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)")


def downgrade():
    if not op.get_context().as_sql:
        conn = op.get_bind()
        conn.execution_options(isolation_level="AUTOCOMMIT")  # expect[isolation-level-in-transaction:warning]: help: the earlier revisions of the same downgrade are lost
    op.drop_index("ix_users_email", table_name="users", postgresql_concurrently=True)
