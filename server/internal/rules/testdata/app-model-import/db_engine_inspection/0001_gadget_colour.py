"""gadget colour, on databases that lack it

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from garage.ext import db

revision = "0001"
down_revision = None


def upgrade():
    # the engine carries no model: the inspection reads the database as it is
    insp = sa.inspect(db.engine)
    if not any(c["name"] == "colour" for c in insp.get_columns("gadgets")):
        op.add_column("gadgets", sa.Column("colour", sa.String(20), nullable=True))


def downgrade():
    pass
