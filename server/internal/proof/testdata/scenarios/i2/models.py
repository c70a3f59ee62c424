"""(i2) posts.tags changes from VARCHAR(50)[] to INTEGER[] (needs compare_type)."""
import os

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

if STAGE == "before":
    tags = sa.Column("tags", postgresql.ARRAY(sa.String(50)), nullable=True)
else:
    tags = sa.Column("tags", postgresql.ARRAY(sa.Integer()), nullable=True)

sa.Table(
    "posts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    tags,
)
