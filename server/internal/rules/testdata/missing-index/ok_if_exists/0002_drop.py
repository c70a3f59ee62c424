"""if_exists makes a missing index no error

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_index("ix_users_team", table_name="users", if_exists=True)


def downgrade():
    pass
