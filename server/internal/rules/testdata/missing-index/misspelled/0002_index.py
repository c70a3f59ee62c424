"""the downgrade drops the index under another spelling

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index(op.f("ix_users_team_id"), "users", ["team_id"])


def downgrade():
    op.drop_index(op.f("ix_user_team_id"), table_name="users")  # expect[missing-index]: drop_index names index "ix_user_team_id", which does not exist help: index "ix_user_team_id" does not exist
