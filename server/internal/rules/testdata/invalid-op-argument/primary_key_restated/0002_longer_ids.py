"""longer ids

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
    op.alter_column('signal', 'id', existing_type=sa.String(36), type_=sa.String(50), existing_nullable=False, primary_key=True)  # expect[invalid-op-argument:info]: help: the column is part of the primary key already: nothing is lost
    op.alter_column('signal', 'kind', existing_type=sa.String(32), type_=sa.String(64), existing_nullable=False, primary_key=True)  # expect[invalid-op-argument:warning]: ignores the keyword argument "primary_key"


def downgrade():
    op.alter_column('signal', 'kind', existing_type=sa.String(64), type_=sa.String(32), existing_nullable=False)
    op.alter_column('signal', 'id', existing_type=sa.String(50), type_=sa.String(36), existing_nullable=False, primary_key=True)  # expect[invalid-op-argument:info]: help: nothing is lost
