"""an update, then the switch

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("UPDATE users SET email = lower(email)")
    op.get_bind().execution_options(isolation_level="AUTOCOMMIT")  # expect[isolation-level-in-transaction:error]: help: the operation above it in upgrade() is lost
    op.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)")


def downgrade():
    op.execute("DROP INDEX IF EXISTS ix_users_email")
