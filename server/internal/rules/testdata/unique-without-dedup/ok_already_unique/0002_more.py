"""unique sets that hold already

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_unique_constraint('uq_accounts_id_email', 'accounts', ['id', 'email'])
    op.create_unique_constraint('uq_accounts_email_tenant', 'accounts', ['email', 'tenant'])


def downgrade() -> None:
    op.drop_constraint('uq_accounts_email_tenant', 'accounts', type_='unique')
    op.drop_constraint('uq_accounts_id_email', 'accounts', type_='unique')
