"""lock users while the plans are rewritten, on PostgreSQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    if op.get_bind().dialect.name in ("postgresql", "mysql"):
        op.execute("LOCK TABLE users")  # expect[lock-table]: LOCK TABLE "users" IN ACCESS EXCLUSIVE MODE blocks reads and writes
    op.execute("UPDATE users SET plan = 'free' WHERE plan IS NULL")


def downgrade():
    pass
