"""rename: existing_server_default=False is Alembic's own "not given", not a statement that there is no default

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
    op.alter_column('users', 'name', new_column_name='full_name', existing_server_default=False)  # expect[mysql-alter-column-incomplete]: help: Without existing_server_default a server default it has is silently dropped.


def downgrade():
    op.alter_column('users', 'full_name', new_column_name='name', existing_type=sa.String(length=100), existing_nullable=False, existing_server_default=None)
