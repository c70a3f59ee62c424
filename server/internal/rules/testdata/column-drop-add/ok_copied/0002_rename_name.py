"""full_name replaces name, data copied

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
    op.add_column('users', sa.Column('full_name', sa.String(length=100), nullable=True))
    op.execute("UPDATE users SET full_name = name")
    op.drop_column('users', 'name')


def downgrade():
    op.add_column('users', sa.Column('name', sa.VARCHAR(length=100), nullable=True))
    op.get_bind().execute(sa.text("UPDATE users SET name = full_name"))
    op.drop_column('users', 'full_name')
