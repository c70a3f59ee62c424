"""a user status, its type made by a factory function

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _status_type() -> postgresql.ENUM:
    """The type of users.status."""
    return postgresql.ENUM("active", "blocked", name="user_status")


def upgrade() -> None:
    status = _status_type()
    status.create(op.get_bind())  # expect[downgrade-incomplete:info]: type "user_status" is created by upgrade()
    op.add_column("users", sa.Column("status", status, nullable=True))


def downgrade() -> None:
    op.drop_column("users", "status")
