"""indexes after leaving the transaction

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("COMMIT")
    op.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)")
    op.create_index("ix_users_id_email", "users", ["id", "email"], postgresql_concurrently=True)


def downgrade():
    op.execute("COMMIT; DROP INDEX CONCURRENTLY ix_users_email")
    op.drop_index("ix_users_id_email", table_name="users")
