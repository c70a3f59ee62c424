"""email required

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("UPDATE users SET email = 'unknown@example.com' WHERE email IS NULL")
    op.alter_column("users", "email", existing_type=sa.String(200), nullable=False)


def downgrade():  # expect[downgrade-missing]: does nothing help: ; if keeping the changes is intended, say so in a comment in downgrade().$
    pass
