"""users.email not null where the deployment asks for it

Revision ID: 0002
Revises: 0001
"""
import os

from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    if os.environ.get("STRICT_EMAIL"):
        op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=False)


def downgrade():
    op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=True)
