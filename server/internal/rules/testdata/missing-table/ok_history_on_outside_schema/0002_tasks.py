"""a table no revision made gets a column: the schema comes from outside the history

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index("ix_users_email", "users", ["email"])
    op.create_table("background_tasks", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("action_history")
    op.drop_index("ix_users_email", table_name="users")
