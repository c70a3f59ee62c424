"""drops the columns the other base added

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.drop_column("accounts", "plan")
    op.drop_column("ledgers", "currency")
    op.drop_column("audits", "created_at")


def downgrade():
    pass
