"""(o) The table customers is renamed to clients in the models."""
import os

import sqlalchemy as sa

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

sa.Table(
    "customers" if STAGE == "before" else "clients",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
)
