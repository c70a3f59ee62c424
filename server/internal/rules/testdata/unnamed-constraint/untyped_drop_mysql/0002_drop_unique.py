"""drop the unique name

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint('uq_policy_name', 'policy', type_='unique')


def downgrade():
    op.drop_constraint(None, 'policy')  # expect[unnamed-constraint]: help: NotImplementedError: No generic 'DROP CONSTRAINT' in MySQL - please specify constraint type
