"""users.email required where the database can alter columns

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
    if op.get_context().dialect.name != "sqlite":
        op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=False)
        op.create_unique_constraint('uq_users_email', 'users', ['email'])


def downgrade():
    if op.get_context().dialect.name != "sqlite":
        op.drop_constraint('uq_users_email', 'users', type_='unique')
        op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=True)
