"""messages point at their user

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_foreign_key(None, "messages", "users", ["user_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "messages", type_="foreignkey")
