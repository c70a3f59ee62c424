"""(n) authors and books, linked by a foreign key added with create_foreign_key."""
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
    sa.Table("authors", metadata, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table(
        "books",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("authors.id"), nullable=True),
    )
