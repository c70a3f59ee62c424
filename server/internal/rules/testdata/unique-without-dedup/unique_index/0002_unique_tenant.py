"""tenant index becomes unique

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_accounts_tenant', table_name='accounts')
    op.create_index('ix_accounts_tenant', 'accounts', ['tenant', 'email'], unique=True)  # expect[unique-without-dedup]: help: DETAIL: Key (tenant, email)=(...) is duplicated


def downgrade() -> None:
    op.drop_index('ix_accounts_tenant', table_name='accounts')
    op.create_index('ix_accounts_tenant', 'accounts', ['tenant'], unique=False)
