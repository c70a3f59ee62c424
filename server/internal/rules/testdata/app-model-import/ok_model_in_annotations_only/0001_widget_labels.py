"""widget labels, normalised

Revision ID: 0001
Revises:
"""
from typing import List

from alembic import op
import sqlalchemy as sa

from workshop.models import Widget, label_of

revision = "0001"
down_revision = None


def _reflected(conn) -> "List[Widget]":
    meta = sa.MetaData()
    meta.reflect(bind=conn, only=["widgets"])
    return list(conn.execute(meta.tables["widgets"].select()))


def upgrade():
    conn = op.get_bind()
    # the model names the rows' type only: Python evaluates no annotation of a local variable
    rows: List[Widget] = _reflected(conn)
    widgets = sa.table("widgets", sa.column("id", sa.Integer), sa.column("label", sa.String))
    for row in rows:
        op.execute(widgets.update().where(widgets.c.id == row.id).values(label=label_of(row.label)))


def downgrade():
    pass
