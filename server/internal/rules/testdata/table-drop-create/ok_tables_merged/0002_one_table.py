"""both code tables folded into one: a create matching two drops is no rename

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("status_code", sa.Column("code", sa.String(20), primary_key=True), sa.Column("label", sa.String(100)))
    op.drop_table("payment_code")
    op.drop_table("invoice_code")


def downgrade():
    op.create_table("invoice_code", sa.Column("code", sa.String(20), primary_key=True), sa.Column("label", sa.String(100)))
    op.create_table("payment_code", sa.Column("code", sa.String(20), primary_key=True), sa.Column("label", sa.String(100)))
    op.drop_table("status_code")
