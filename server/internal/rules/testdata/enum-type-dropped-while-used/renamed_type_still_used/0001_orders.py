"""orders and their history

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
    status = sa.Enum("active", "archived", name="order_state")
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("state", status))
    op.create_table("order_history", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("state", status))


def downgrade():
    op.drop_table("order_history")
    op.drop_table("orders")
    sa.Enum(name="order_state").drop(op.get_bind())
