"""index=True in add_column makes an index named by the naming convention

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True, index=True))


def downgrade():
    op.drop_index(op.f("ix_users_nickname"), table_name="users")
    op.drop_column("users", "nickname")
