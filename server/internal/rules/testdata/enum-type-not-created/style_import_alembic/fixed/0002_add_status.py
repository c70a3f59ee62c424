"""order status, style import alembic

Revision ID: 0002
Revises: 0001
"""
import alembic
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    sa.Enum("new", "paid", name="order_status").create(alembic.op.get_bind(), checkfirst=True)
    alembic.op.add_column("orders", sa.Column("status", sa.Enum("new", "paid", name="order_status"), nullable=True))  # expect[enum-type-not-created]: type "order_status" does not exist


def downgrade():
    alembic.op.drop_column("orders", "status")
    sa.Enum("new", "paid", name="order_status").drop(alembic.op.get_bind(), checkfirst=True)
