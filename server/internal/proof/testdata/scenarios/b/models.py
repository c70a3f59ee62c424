"""(b) An Enum column added to the existing table orders."""
import os

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

orders = sa.Table(
    "orders",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("item", sa.String(100), nullable=False),
)

if STAGE == "after":
    orders.append_column(
        sa.Column("status", sa.Enum("pending", "shipped", "cancelled", name="status_type"), nullable=True)
    )
