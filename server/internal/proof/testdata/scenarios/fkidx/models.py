"""(fkidx) customers get a foreign key to teams; the downgrade drops it as an index."""
import os

import sqlalchemy as sa

STAGE = os.environ.get("MODELS_STAGE")
if STAGE not in ("before", "after"):
    raise SystemExit("MODELS_STAGE must be before or after, got %r" % (STAGE,))

metadata = sa.MetaData()

sa.Table(
    "teams",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
)

team = [sa.ForeignKey("teams.id")] if STAGE == "after" else []
sa.Table(
    "customers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("team_id", sa.Integer, *team, nullable=True),
)
