"""memberships get their primary key

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_primary_key("memberships_pkey", "memberships", ["team_id", "member_id"])


def downgrade():  # expect[downgrade-missing]: downgrade() does nothing help: fails with: Multiple primary key defined
    pass
