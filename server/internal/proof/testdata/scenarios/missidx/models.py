"""(missidx) accounts with an index on email; the downgrade drops it under another spelling."""
import os

import sqlalchemy as sa

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
        "accounts",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(200), nullable=False, index=True),
    )
