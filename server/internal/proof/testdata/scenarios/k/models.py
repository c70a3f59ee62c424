"""(k) users.name is renamed to users.full_name in the models."""
import os

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name" if STAGE == "before" else "full_name", sa.String(100), nullable=True),
)
