"""the switched connection is kept in a name

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("users", sa.Column("name", sa.Text()))
    op.execute("UPDATE users SET name = email")
    connection = op.get_bind()
    autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")  # expect[isolation-level-in-transaction:error]: help: the 2 operations above it in upgrade() are lost
    autocommit.exec_driver_sql("CREATE INDEX CONCURRENTLY ix_users_name ON users (name)")


def downgrade():
    op.execute("DROP INDEX IF EXISTS ix_users_name")
    op.drop_column("users", "name")
