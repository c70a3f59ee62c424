"""conversions with an explicit cast only, or none

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None


def upgrade():
    op.alter_column('events', 'count', existing_type=postgresql.JSONB(), type_=sa.Integer())  # expect[type-change-without-using:error]: help: cannot be cast automatically to type integer
    op.alter_column('events', 'ref', existing_type=sa.Text(), type_=postgresql.UUID())  # expect[type-change-without-using:error]: help: cannot be cast automatically to type uuid


def downgrade():
    pass
