"""index 3

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_users_col_3", "users", ["name"])


def downgrade():
    op.drop_index("ix_users_col_3", table_name="users")
