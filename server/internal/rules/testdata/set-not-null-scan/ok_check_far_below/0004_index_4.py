"""index 4

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_users_col_4", "users", ["name"])


def downgrade():
    op.drop_index("ix_users_col_4", table_name="users")
