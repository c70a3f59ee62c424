"""longer tags

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column('users', 'tags',
               existing_type=postgresql.ARRAY(sa.VARCHAR(length=50)),
               type_=sa.ARRAY(sa.String(length=100)),
               existing_nullable=True,
               postgresql_using='tags::varchar(100)[]')


def downgrade() -> None:
    op.alter_column('users', 'tags',
               existing_type=sa.ARRAY(sa.String(length=100)),
               type_=postgresql.ARRAY(sa.VARCHAR(length=50)),
               existing_nullable=True,
               postgresql_using='tags::varchar(50)[]')
