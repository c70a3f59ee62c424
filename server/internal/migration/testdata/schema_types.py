"""orders with enums, arrays and foreign keys

Revision ID: 3a4b5c6d7e8f
Revises: 2f3a4b5c6d7e
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "3a4b5c6d7e8f"
down_revision = "2f3a4b5c6d7e"

order_status = sa.Enum("pending", "paid", "shipped", name="order_status")
PRIORITIES = ("low", "high")


def upgrade():
    channel = postgresql.ENUM("web", "store", name="sales_channel", create_type=False)
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(32), nullable=False, server_default="N/A"),
        sa.Column("note", sa.String(length=200), nullable=True, server_default=None),
        sa.Column("status", order_status, nullable=False),
        sa.Column("channel", channel),
        sa.Column("priority", sa.Enum(*PRIORITIES, name="priority", native_enum=False)),
        sa.Column("tags", postgresql.ARRAY(sa.String(length=20)), server_default=sa.text("'{}'")),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("crm.customers.id", ondelete="CASCADE", name="fk_orders_customer")),
        sa.Column("archived", sa.Boolean(), nullable=is_archived_nullable),
        sa.Column(name="placed_at", type_=sa.DateTime(timezone=True)),
        sa.Column("tenant_id", sa.Integer()),
        sa.Column("region", sa.Text()),
        sa.ForeignKeyConstraint(["tenant_id", "region"], ["tenants.id", "tenants.region"], name="fk_orders_tenant"),
        sa.PrimaryKeyConstraint("tenant_id", name="pk_orders_tenant"),
        sa.UniqueConstraint("code", "region", name="uq_orders_code"),
        sa.CheckConstraint("char_length(code) > 0", name="ck_orders_code"),
    )
    op.add_column("orders", sa.Column("rush", postgresql.ENUM("yes", "no", name="rush_flag"), nullable=False))
    op.add_column("orders", sa.Column("items", postgresql.ARRAY(item_type=sa.Integer)))


def downgrade():
    op.drop_table("orders")
