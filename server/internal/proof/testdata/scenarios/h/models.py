"""(h) An unnamed foreign key child.parent_id -> parent.id is added."""
import os

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

sa.Table(
    "parent",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
)

if STAGE == "before":
    parent_id = sa.Column("parent_id", sa.Integer, nullable=True)
else:
    parent_id = sa.Column("parent_id", sa.Integer, sa.ForeignKey("parent.id"), nullable=True)

sa.Table(
    "child",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    parent_id,
)
