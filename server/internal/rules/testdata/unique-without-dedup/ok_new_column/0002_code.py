"""a new unique column

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
    op.add_column('accounts', sa.Column('code', sa.String(length=20), nullable=True))
    op.create_unique_constraint('uq_accounts_code', 'accounts', ['code'])


def downgrade() -> None:
    op.drop_constraint('uq_accounts_code', 'accounts', type_='unique')
    op.drop_column('accounts', 'code')
