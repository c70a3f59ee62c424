"""users.email required, except on SQLite

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        return
    op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=False)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        return
    op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=True)
