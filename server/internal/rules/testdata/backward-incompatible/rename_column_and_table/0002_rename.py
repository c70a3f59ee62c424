"""rename users.name, then users

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("users", "name", new_column_name="full_name")  # expect[backward-incompatible]: help: add "full_name", write both columns and backfill
    op.rename_table("users", "accounts")  # expect[backward-incompatible]: help: relation "users" does not exist


def downgrade():
    op.rename_table("accounts", "users")
    op.alter_column("users", "full_name", new_column_name="name")
