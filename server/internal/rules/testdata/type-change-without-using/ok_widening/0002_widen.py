"""changes PostgreSQL converts by itself

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
    op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), type_=sa.Text())
    op.alter_column('users', 'is_active', existing_type=sa.Integer(), type_=sa.BigInteger())
    op.alter_column('users', 'age', existing_type=sa.Integer(), type_=sa.String(length=10))
    op.alter_column('posts', 'tags', existing_type=postgresql.ARRAY(sa.Integer()), type_=postgresql.ARRAY(sa.String(length=20)))
    op.alter_column('orders', 'state', existing_type=postgresql.ENUM('open', 'closed', name='order_state'), type_=sa.String(length=20))
    op.alter_column('orders', 'id', existing_type=sa.Integer(), type_=sa.Numeric(12, 0))


def downgrade() -> None:
    op.alter_column('users', 'email', existing_type=sa.Text(), type_=sa.VARCHAR(length=200), postgresql_using='email::varchar(200)')
