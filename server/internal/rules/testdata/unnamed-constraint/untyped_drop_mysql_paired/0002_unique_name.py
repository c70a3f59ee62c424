"""unique machine names

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
    op.create_unique_constraint(None, 'machine', ['name'])  # expect[unnamed-constraint:warning]


def downgrade():
    op.drop_constraint(None, 'machine')  # expect[unnamed-constraint]: help: On MySQL/MariaDB give type_ too
