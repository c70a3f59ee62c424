"""rename users.name to full_name

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
    op.alter_column('users', 'name', new_column_name='full_name', existing_type=sa.String(length=100))
    op.add_column('users', sa.Column('nickname', sa.String(length=40), nullable=True))
    op.create_index('ix_users_email', 'users', ['email'])


def downgrade():
    op.drop_index('ix_users_email', table_name='users')
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('nickname')
    op.alter_column('users', 'full_name', new_column_name='name', existing_type=sa.String(length=100))
