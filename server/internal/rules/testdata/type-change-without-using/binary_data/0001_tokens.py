"""tokens to and from bytes

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None


def upgrade():
    op.alter_column('tokens', 'secret', existing_type=sa.String(64), type_=sa.LargeBinary())  # expect[type-change-without-using:error]: help: cannot be cast automatically to type bytea (HINT: You might need to specify "USING secret::bytea")
    op.alter_column('tokens', 'counter', existing_type=sa.Integer(), type_=sa.LargeBinary())  # expect[type-change-without-using:error]: help: PostgreSQL has no cast from integer to bytea
    op.alter_column('tokens', 'digest', existing_type=sa.LargeBinary(), type_=sa.Text())


def downgrade():
    pass
