"""The shop's SQLAlchemy models, as they stand after the last migration."""
import enum

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()


class OrderStatus(enum.Enum):
    pending = "pending"
    shipped = "shipped"
    cancelled = "cancelled"


users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("full_name", sa.String(100)),
    sa.Column("email", sa.String(200), nullable=False),
    sa.Column("age", sa.Integer, nullable=False),
    sa.Column("tags", postgresql.ARRAY(sa.String(100))),
)

orders = sa.Table(
    "orders",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id")),
    sa.Column("status", sa.Enum(OrderStatus, name="status_type"), nullable=False),
    sa.Column("priority", sa.Enum("low", "high", name="order_priority")),
    sa.Index("ix_orders_status", "status", postgresql_concurrently=True),
)
