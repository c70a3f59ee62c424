"""users.email not null, filled by SQL built at run time

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

PLACEHOLDER = "nobody@example.invalid"


def upgrade():
    op.execute(f"UPDATE users SET email = '{PLACEHOLDER}' WHERE email IS NULL")
    op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=False)


def downgrade():
    op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=True)
