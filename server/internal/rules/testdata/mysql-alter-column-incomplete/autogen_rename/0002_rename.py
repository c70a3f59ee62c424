"""rename and widen

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 03:01:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column('users', 'name', new_column_name='full_name')  # expect[mysql-alter-column-incomplete]: help: require the existing type
    op.alter_column('users', 'email', type_=sa.String(length=300), existing_type=sa.String(length=200))
    with op.batch_alter_table('users') as batch_op:
        batch_op.alter_column('full_name', type_=sa.String(length=150))  # expect[mysql-alter-column-incomplete:warning]: makes the NOT NULL column nullable
    op.alter_column('users', 'email', server_default='x')


def downgrade():
    op.alter_column('users', 'full_name', new_column_name='name', existing_type=sa.String(length=100), existing_nullable=False)
