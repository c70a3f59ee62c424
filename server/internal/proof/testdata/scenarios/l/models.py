"""(l) A new table whose model declares postgresql.ENUM(..., create_type=False)."""
import os

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

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
        sa.Column("status", postgresql.ENUM("pending", "shipped", name="status_type", create_type=False), nullable=False),
    )
