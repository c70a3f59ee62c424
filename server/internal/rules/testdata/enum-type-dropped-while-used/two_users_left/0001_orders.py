"""orders and their history; a later revision drops the wrong type

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    status = postgresql.ENUM("active", "archived", name="order_state")
    status.create(op.get_bind(), checkfirst=True)
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("state", status))
    op.create_table("order_history", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("state", status))


def downgrade():
    op.drop_table("order_history")
    op.drop_table("orders")
    op.execute("DROP TYPE order_state")
