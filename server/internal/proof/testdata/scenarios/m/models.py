"""(m) A new table orders whose Enum column is built from a Python enum class."""
import enum
import os

import sqlalchemy as sa

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()


class OrderStatus(enum.Enum):
    pending = "pending"
    shipped = "shipped"


sa.Table(
    "customers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
)

if STAGE == "after":
    sa.Table(
        "orders",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("status", sa.Enum(OrderStatus), nullable=False),
    )
