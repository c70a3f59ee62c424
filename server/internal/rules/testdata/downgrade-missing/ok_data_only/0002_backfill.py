"""backfill e-mails and seed; nothing to undo in the schema

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

from myapp.migration_helpers import recompute_search_vectors

revision = "0002"
down_revision = "0001"

users = sa.table("users", sa.column("id", sa.Integer), sa.column("email", sa.String))


def upgrade():
    op.execute("UPDATE users SET email = lower(email)")
    op.bulk_insert(users, [{"id": 1, "email": "admin@example.com"}])
    op.execute(sa.text(f"SELECT setval('users_id_seq', {1000})"))
    recompute_search_vectors(op.get_bind())


def downgrade():
    pass
