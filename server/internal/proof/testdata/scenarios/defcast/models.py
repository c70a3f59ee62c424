"""(defcast) tickets.priority changes from VARCHAR(10) to INTEGER; it has a server default (needs compare_type)."""
import os

import sqlalchemy as sa

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

priority_type = sa.String(10) if STAGE == "before" else sa.Integer()
sa.Table(
    "tickets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("priority", priority_type, nullable=False, server_default="1"),
)
