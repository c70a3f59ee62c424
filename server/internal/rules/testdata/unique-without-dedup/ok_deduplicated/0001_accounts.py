"""accounts

Revision ID: 0001
Revises:
Create Date: 2026-11-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('tenant', sa.String(length=50), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_accounts_tenant', 'accounts', ['tenant'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_accounts_tenant', table_name='accounts')
    op.drop_table('accounts')
