"""two code tables of the same shape

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("invoice_code", sa.Column("code", sa.String(20), primary_key=True), sa.Column("label", sa.String(100)))
    op.create_table("payment_code", sa.Column("code", sa.String(20), primary_key=True), sa.Column("label", sa.String(100)))


def downgrade():
    op.drop_table("payment_code")
    op.drop_table("invoice_code")
