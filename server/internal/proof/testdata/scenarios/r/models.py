"""(r) orders.status; a hand-written revision removes the value 'archived' by a type swap."""
import sqlalchemy as sa

metadata = sa.MetaData()

sa.Table(
    "orders",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("status", sa.Enum("pending", "shipped", "archived", name="order_status"), nullable=False),
)
