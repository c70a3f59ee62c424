"""invoices

Revision ID: 0001
Revises: None
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("invoices", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("invoices")
