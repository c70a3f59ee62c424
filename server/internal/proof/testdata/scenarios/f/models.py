"""(f) A NOT NULL column users.age is added to a table with rows."""
import os

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
)

if STAGE == "after":
    users.append_column(sa.Column("age", sa.Integer(), nullable=False))
