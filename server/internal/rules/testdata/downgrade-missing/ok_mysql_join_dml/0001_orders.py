"""orders and their lines

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("archived", sa.Boolean()),
                    sa.Column("total", sa.Integer()))
    op.create_table("order_lines", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("order_id", sa.Integer()),
                    sa.Column("price", sa.Integer()))


def downgrade():
    op.drop_table("order_lines")
    op.drop_table("orders")
