"""orders and shipments

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("status", sa.Enum("new", "paid", name="order_status")))
    op.create_table("shipments", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("status", sa.Enum("new", "paid", name="order_status")))


def downgrade():
    op.drop_table("shipments")
    op.drop_table("orders")
    sa.Enum(name="order_status").drop(op.get_bind(), checkfirst=True)
