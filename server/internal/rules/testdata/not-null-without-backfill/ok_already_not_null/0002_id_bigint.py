"""users.id becomes bigint (it is the primary key: NOT NULL already)

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
    op.alter_column('users', 'id', existing_type=sa.Integer(), type_=sa.BigInteger(), nullable=False)
    op.alter_column('users', 'name', existing_type=sa.String(100), existing_nullable=False, nullable=False, comment="display name")


def downgrade():
    op.alter_column('users', 'id', existing_type=sa.BigInteger(), type_=sa.Integer(), nullable=False)
