"""Add users.role (enum user_role).

add_column never emits CREATE TYPE, so the type is created explicitly first
and dropped again after the column in downgrade.

Revision ID: 0005_user_role
Revises: c81d2f6a0e93
Create Date: 2023-05-11 14:07:36.410028
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0005_user_role"
down_revision = "c81d2f6a0e93"
branch_labels = None
depends_on = None

user_role = postgresql.ENUM(
    "member", "admin", "owner", name="user_role", create_type=False
)


def upgrade():
    user_role.create(op.get_bind(), checkfirst=True)
    op.add_column("users", sa.Column("role", user_role, nullable=True))


def downgrade():
    op.drop_column("users", "role")
    user_role.drop(op.get_bind(), checkfirst=True)
