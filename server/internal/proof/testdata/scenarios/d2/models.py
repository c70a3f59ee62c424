"""(d2) The value 'cancelled' is added to status_type (autogenerate sees nothing)."""
import os

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

if STAGE == "before":
    status_type = sa.Enum("pending", "shipped", name="status_type")
else:
    status_type = sa.Enum("pending", "shipped", "cancelled", name="status_type")

sa.Table(
    "orders",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("status", status_type, nullable=False),
)
