"""Orders, with their status as a PostgreSQL enum.

Revision ID: 0003_orders
Revises: 9b3e5d7c1a42
Create Date: 2023-04-17 11:40:03.551902
"""
from alembic import op
import sqlalchemy as sa

revision = "0003_orders"
down_revision = "9b3e5d7c1a42"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("pending", "shipped", "cancelled", name="order_status"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_orders_user_id_users"
        ),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("orders")
    # drop_table leaves the enum type behind; the next upgrade would fail
    # with 'type "order_status" already exists'.
    sa.Enum(name="order_status").drop(op.get_bind(), checkfirst=True)
