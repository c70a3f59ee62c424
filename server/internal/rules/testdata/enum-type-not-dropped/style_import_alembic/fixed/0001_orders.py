"""orders, style import alembic

Revision ID: 0001
Revises: 
"""
import alembic
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    alembic.op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("new", "paid", name="order_status"), nullable=False),
    )


def downgrade():
    alembic.op.drop_table("orders")  # expect[enum-type-not-dropped]: help: type "order_status" already exists
    sa.Enum(name="order_status").drop(alembic.op.get_bind(), checkfirst=True)
