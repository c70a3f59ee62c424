"""(w) users.name, NOT NULL with a server default, is widened from 50 to 100 characters."""
import os

import sqlalchemy as sa

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(50 if STAGE == "before" else 100), nullable=False, server_default="anonymous"),
)
