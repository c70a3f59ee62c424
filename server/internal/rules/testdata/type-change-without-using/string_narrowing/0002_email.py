"""shorter emails

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-20 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column('users', 'email',  # expect[type-change-without-using:warning]: help: SELECT count(*) FROM users WHERE length(email) > 100
               existing_type=sa.VARCHAR(length=200),
               type_=sa.String(length=100),
               existing_nullable=True)


def downgrade() -> None:
    op.alter_column('users', 'email',
               existing_type=sa.String(length=100),
               type_=sa.VARCHAR(length=200),
               existing_nullable=True)
