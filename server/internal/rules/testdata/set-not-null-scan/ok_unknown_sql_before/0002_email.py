"""users.email not null after a check built at run time

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CHECK = "users_email_not_null"


def upgrade():
    op.execute(f"ALTER TABLE users ADD CONSTRAINT {CHECK} CHECK (email IS NOT NULL)")
    op.alter_column("users", "email", nullable=False)


def downgrade():
    op.alter_column("users", "email", nullable=True)
