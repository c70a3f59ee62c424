"""an index helper used by both directions

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def _recreate_email_index():
    op.drop_index("ix_users_email", table_name="users")
    op.create_index("ix_users_email", "users", ["email"], unique_constraint=True)  # expect[invalid-op-argument]: (did you mean "unique"?)


def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(200)))
    op.create_index("ix_users_email", "users", ["email"])
    _recreate_email_index()


def downgrade():
    _recreate_email_index()
    op.drop_table("users")
