"""rename users.name to full_name, on MySQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('users', sa.Column('full_name', sa.String(length=100), nullable=True))
    op.drop_column('users', 'name')  # expect[column-drop-add]: looks like a rename help: existing_type=sa.String(length=100), existing_nullable=True) (MySQL restates the whole column)


def downgrade() -> None:
    op.add_column('users', sa.Column('name', sa.String(length=100), nullable=True))
    op.drop_column('users', 'full_name')  # expect[column-drop-add]: looks like a rename help: existing_type=sa.String(length=100)
