"""naming convention for the unique constraint

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
    op.drop_constraint('accounts_email_key', 'accounts', type_='unique')
    op.create_unique_constraint('uq_accounts_email', 'accounts', ['email'])


def downgrade() -> None:
    op.drop_constraint('uq_accounts_email', 'accounts', type_='unique')
    op.create_unique_constraint('accounts_email_key', 'accounts', ['email'])
