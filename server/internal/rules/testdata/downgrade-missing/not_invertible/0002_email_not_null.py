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


def downgrade():  # expect[downgrade-missing]: does nothing help: runs its schema changes again without error (a column set to a target type, default or nullability), while older code runs on the upgraded schema
    pass
