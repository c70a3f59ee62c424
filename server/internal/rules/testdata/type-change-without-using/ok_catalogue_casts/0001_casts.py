"""conversions PostgreSQL's cast catalogue allows by assignment

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None


def upgrade():
    op.alter_column('events', 'count', existing_type=sa.BigInteger(), type_=sa.Integer())
    op.alter_column('events', 'payload', existing_type=sa.JSON(), type_=postgresql.JSONB())
    op.alter_column('events', 'day', existing_type=sa.DateTime(timezone=True), type_=sa.Date())
    op.alter_column('events', 'score', existing_type=sa.Float(), type_=sa.Numeric())
    op.alter_column('events', 'ids', existing_type=postgresql.ARRAY(sa.Integer()), type_=postgresql.ARRAY(sa.String()))


def downgrade():
    pass
