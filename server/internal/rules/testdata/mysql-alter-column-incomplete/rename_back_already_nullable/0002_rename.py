"""a rename without existing_nullable makes the column nullable on MySQL; renaming it back in the
downgrade finds it nullable already

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'


def upgrade():
    op.alter_column('users', 'name', existing_type=sa.String(length=100), new_column_name='full_name')  # expect[mysql-alter-column-incomplete:warning]: makes the NOT NULL column nullable


def downgrade():
    op.alter_column('users', 'full_name', existing_type=sa.String(length=100), new_column_name='name')
