"""(enumused) orders and order_history share one enum type; the downgrade is hand-ordered."""
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
    order_state = sa.Enum("active", "archived", name="order_state")
    sa.Table(
        "orders",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("state", order_state),
    )
    sa.Table(
        "order_history",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("state", order_state),
    )
