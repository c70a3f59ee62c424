"""accounts_required

Revision ID: 0006
Revises: "0005"
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"


def upgrade():
    op.alter_column("invoices", "account_id", existing_type=sa.Integer(), nullable=False)


def downgrade():
    op.alter_column("invoices", "account_id", existing_type=sa.Integer(), nullable=True)
